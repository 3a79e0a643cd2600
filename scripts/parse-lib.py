#!/usr/bin/env python3
"""Holds `reclaim parse` against CPython 3.11's own `ast` on every .py file of the local Lib/.

    python3 scripts/parse-lib.py [--reclaim PATH] [--limit N] [--show N]

Both sides run once over the whole file list (`reclaim parse --batch`, and one python3 process), then the
dumps (with attributes) and errors are compared. Prints files compared, equal, and the first differences.
"""
import argparse
import json
import os
import subprocess
import sys
import sysconfig
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
HELPER = os.path.join(HERE, "..", "tests", "Reclaim.Python.Tests", "Syntax", "cpython_ast.py")


def lib_files():
    lib = sysconfig.get_paths()["stdlib"]
    files = []
    for root, dirs, names in os.walk(lib):
        dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".py")]
    return files


def run(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True).stdout.decode("utf-8")
    return {r["path"]: r for r in map(json.loads, out.splitlines())}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reclaim", default=os.path.join(HERE, "..", "artifacts", "reclaim"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    files = lib_files()
    if args.limit:
        files = files[:: max(1, len(files) // args.limit)]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(files) + "\n")
    cpython = run([sys.executable, HELPER, listing.name])
    reclaim = run([args.reclaim, "parse", "--batch", listing.name])
    os.unlink(listing.name)
    equal = 0
    differ = []
    for path in files:
        a, b = cpython[path], reclaim.get(path, {})
        if a.get("dump") is not None and a.get("dump") == b.get("dump"):
            equal += 1
        elif "error" in a and "error" in b and all(a["error"][k] == b["error"].get(k) for k in ("type", "msg", "lineno", "offset")):
            equal += 1
        else:
            differ.append((path, a, b))
    print(f"files compared: {len(files)}, equal: {equal}, different: {len(differ)}")
    for path, a, b in differ[: args.show]:
        print(f"--- {path}")
        if "error" in a or "error" in b:
            print("  cpython:", a.get("error", "parsed"), "\n  reclaim:", b.get("error", "parsed"))
            continue
        x, y = a["dump"], b["dump"]
        i = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
        print("  cpython:", x[max(0, i - 150): i + 100])
        print("  reclaim:", y[max(0, i - 150): i + 100])
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
