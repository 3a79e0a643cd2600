#!/usr/bin/env bash
# Regenerates the conformance suite's expected outputs from python3 (CPython 3.11.7); see regen-conformance.py.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/regen-conformance.py "$@"
