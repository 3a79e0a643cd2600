#!/usr/bin/env bash
# Installs what `reclaim bench --python` and the profiling notes in docs/benchmarks.md use beyond the SDK:
#   - pypy3 (Debian's package), the third column of the Python table;
#   - dotnet-trace and dotnet-counters, as the local tools of .config/dotnet-tools.json (`dotnet tool restore`).
# Idempotent. Not needed by the tests: the harness reports PyPy as not installed when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pypy3 >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "install-bench-tools: pypy3 is missing and apt-get is not available; install PyPy 3 by hand." >&2
        exit 1
    fi
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO="sudo -n"
        else
            echo "install-bench-tools: not root and no sudo; run as root: apt-get install -y pypy3" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    # The package lists may be missing or stale on a fresh machine: refresh them only if the first attempt fails.
    if ! $SUDO apt-get install -y --no-install-recommends pypy3 >/dev/null 2>&1; then
        $SUDO apt-get update -qq >/dev/null
        $SUDO apt-get install -y --no-install-recommends pypy3 >/dev/null
    fi
fi

dotnet tool restore >/dev/null
echo "install-bench-tools: $(pypy3 --version 2>&1 | tr '\n' ' ')and dotnet-trace/dotnet-counters (dotnet tool run ...)"
