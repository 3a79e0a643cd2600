#!/usr/bin/env bash
# Runs the conformance suite against the PythonHost of this checkout and rewrites
# tests/Reclaim.Python.Tests/Conformance/pending.txt from the programs that still differ from CPython 3.11.7.
# Run it after the interpreter changes (the suite fails when a pending program starts passing, or a passing one breaks).
set -euo pipefail
cd "$(dirname "$0")/.."
pending=tests/Reclaim.Python.Tests/Conformance/pending.txt
report=$(mktemp)
trap 'rm -f "$report"' EXIT
# The suite's own verdicts are ignored here: the report, not the exit status, says what differs.
RECLAIM_CONFORMANCE_REPORT="$report" timeout 900 dotnet test tests/Reclaim.Python.Tests \
  --filter "FullyQualifiedName~Conformance.ConformanceTests" >/dev/null 2>&1 || true
{
  echo "# Conformance programs the interpreter does not pass yet: 'area/name: reason', one per line."
  echo "# Written by scripts/update-pending.sh; the list can only shrink (a pending program that passes fails the suite)."
  sort "$report"
} > "$pending"
total=$(find tests/Reclaim.Python.Tests/Conformance -name '*.py' | wc -l)
echo "$(sort "$report" | wc -l) of $total conformance programs pending; wrote $pending"
