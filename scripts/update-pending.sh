#!/usr/bin/env bash
# Runs the conformance suite against the PythonHost of this checkout and rewrites
# tests/Reclaim.Python.Tests/Conformance/pending.txt from the programs that still differ from CPython 3.11.7.
# Run it after the interpreter changes (the suite fails when a pending program starts passing, or a passing one breaks).
# If the test host dies part-way (a stack overflow in the interpreter kills the process), the program it was running
# and every program it never reached are listed as pending with that reason, and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
suite=tests/Reclaim.Python.Tests/Conformance
report=$(mktemp)
trap 'rm -f "$report"' EXIT
# The suite's own verdicts are ignored here: the report, not the exit status, says what differs.
RECLAIM_CONFORMANCE_REPORT="$report" timeout 900 dotnet test tests/Reclaim.Python.Tests \
  --filter "FullyQualifiedName~Conformance.ConformanceTests" >/dev/null 2>&1 || true
python3 - "$suite" "$report" <<'PY'
import sys
from pathlib import Path
suite, report = Path(sys.argv[1]), Path(sys.argv[2])
programs = sorted(p.relative_to(suite).with_suffix("").as_posix() for p in suite.rglob("*.py"))
started, finished, pending = [], set(), {}
for line in report.read_text(encoding="utf-8").splitlines():
    if line.startswith("START "):
        started.append(line[6:])
    elif line.startswith("DELIBERATE "):
        continue
    elif line.startswith("PASS "):
        finished.add(line[5:])
    elif ": " in line:
        ident, reason = line.split(": ", 1)
        finished.add(ident)
        pending[ident] = reason
crashed = [i for i in started if i not in finished]
# A program that timed out leaves its thread running; if that thread later overflows its stack it takes the host down.
timed_out = [i for i, r in pending.items() if "timed out" in r]
last = started[-1] if started else None
for ident in crashed:
    pending[ident] = "the test host died while running it (stack overflow or crash in the interpreter)"
never = [i for i in programs if i not in finished and i not in crashed]
for ident in never:
    pending[ident] = "not run: the test host died earlier" + (f" (in {crashed[0]})" if crashed else f" (after {last})")
lines = [
    "# Conformance programs the interpreter does not pass yet: 'area/name: reason', one per line.",
    "# Written by scripts/update-pending.sh; the list can only shrink (a pending program that passes fails the suite).",
]
lines += [f"{ident}: {pending[ident]}" for ident in sorted(pending)]
(suite / "pending.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(pending)} of {len(programs)} conformance programs pending ({len(programs) - len(pending)} pass); wrote {suite}/pending.txt")
if crashed or never:
    where = f"in {', '.join(crashed)}" if crashed else f"after {last} finished"
    suspects = f"; programs that timed out (their threads kept running): {', '.join(timed_out)}" if timed_out else ""
    print(f"the test host died {where}; {len(never)} programs never ran{suspects}", file=sys.stderr)
    sys.exit(1)
PY
