#!/usr/bin/env bash
# Before/after from one run: builds two source trees in Release (the CLI and the micro benchmarks), then runs them
# alternately so that both sides see the same machine load, and prints each row's median for both sides with the
# ratio candidate ÷ base.
#
# Usage: benchmarks/compare-builds.sh BASE_TREE [CANDIDATE_TREE] [ROUNDS]
#   BASE_TREE       a checkout of the "before" code, e.g. `git worktree add --detach /tmp/reclaim-base main`
#   CANDIDATE_TREE  the "after" code (default: this checkout)
#   ROUNDS          alternations of `reclaim bench --shape 3,8` and `--shape 9` (default 3); BenchmarkDotNet runs once per side
# Set SKIP_BDN=1 to run only `reclaim bench`.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
base="$(cd "${1:?usage: compare-builds.sh BASE_TREE [CANDIDATE_TREE] [ROUNDS]}" && pwd)"
candidate="$(cd "${2:-$here}" && pwd)"
rounds="${3:-3}"
work="$(mktemp -d)"
echo "compare-builds: base=$base candidate=$candidate rounds=$rounds work=$work" >&2

build() {
    local tree="$1" side="$2"
    dotnet build "$tree/src/Reclaim.Cli" -c Release -o "$work/$side/cli" -nologo -v q >&2
    if [[ "${SKIP_BDN:-0}" != 1 ]]; then
        dotnet build "$tree/benchmarks/Reclaim.Benchmarks" -c Release -o "$work/$side/bdn" -nologo -v q >&2
    fi
}

build "$base" base
build "$candidate" candidate

for ((round = 1; round <= rounds; round++)); do
    for side in base candidate; do
        echo "compare-builds: round $round, $side: reclaim bench" >&2
        # Shape 9 (bytes per object) runs in a process of its own: measured after shapes 3 and 8 in the same
        # process, the .NET heap's settling point moved and the figure came out near zero.
        (cd "$work" && "$work/$side/cli/Reclaim.Cli" bench --shape 3,8 --no-cpython --json --reps 3) > "$work/$side.speed.$round.json"
        (cd "$work" && "$work/$side/cli/Reclaim.Cli" bench --shape 9 --no-cpython --json --reps 1) > "$work/$side.memory.$round.json"
        jq -s 'add' "$work/$side.speed.$round.json" "$work/$side.memory.$round.json" > "$work/$side.bench.$round.json"
    done
done

if [[ "${SKIP_BDN:-0}" != 1 ]]; then
    for side in base candidate; do
        echo "compare-builds: $side: BenchmarkDotNet (short job, in process)" >&2
        (cd "$work/$side" && dotnet "$work/$side/bdn/Reclaim.Benchmarks.dll" \
            --filter '*RefCountBenchmarks*' '*AllocationBenchmarks*' --job short --inProcess \
            --exporters csv --artifacts "$work/$side/artifacts" > "$work/$side.bdn.log" 2>&1)
    done
fi

python3 - "$work" "$rounds" <<'PY'
import csv, glob, json, os, statistics, sys

work, rounds = sys.argv[1], int(sys.argv[2])

def bench(side):
    rows = {}
    for r in range(1, rounds + 1):
        for row in json.load(open(f"{work}/{side}.bench.{r}.json")):
            rows.setdefault((row["shape"], row["name"], row["unit"]), []).append(row["reclaim"])
    return {k: statistics.median(v) for k, v in rows.items()}

def bdn(side):
    rows = {}
    for path in glob.glob(f"{work}/{side}/artifacts/results/*-report.csv"):
        for row in csv.DictReader(open(path)):
            mean = row["Mean"].replace(",", "")
            value, unit = mean.split()[0], mean.split()[1] if len(mean.split()) > 1 else ""
            rows[(row["Method"], unit)] = float(value)
    return rows

print("| row | unit | before | after | after ÷ before |")
print("| --- | --- | ---: | ---: | ---: |")
before, after = bench("base"), bench("candidate")
for key in sorted(before, key=lambda k: (k[0], k[1])):
    if key in after:
        print(f"| shape {key[0]}: {key[1]} | {key[2]} | {before[key]:.2f} | {after[key]:.2f} | {after[key] / before[key]:.2f} |")
if os.path.isdir(f"{work}/base/artifacts"):
    before, after = bdn("base"), bdn("candidate")
    for key in sorted(before):
        if key in after:
            print(f"| BenchmarkDotNet {key[0]} | {key[1]} | {before[key]:.2f} | {after[key]:.2f} | {after[key] / before[key]:.2f} |")
PY
