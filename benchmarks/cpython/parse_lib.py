#!/usr/bin/env python3
"""CPython's side of `reclaim bench --parse`: parse every file of LISTFILE to an AST
(compile(..., PyCF_ONLY_AST)), REPS times; print JSON {files, bytes, seconds: [...], peak_rss_kb}.

The peak is this process's own high-water mark (VmHWM of /proc/self/status on Linux). getrusage's ru_maxrss is
not used there: Linux carries it across exec, so a child of a large parent reports the parent's RSS at fork time.

    python3 parse_lib.py LISTFILE REPS
"""
import ast
import json
import resource
import sys
import time
import warnings


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    reps = int(sys.argv[2])
    sources = []
    for path in paths:
        with open(path, "rb") as f:
            sources.append((path, f.read()))
    warnings.simplefilter("ignore")
    times = []
    for _ in range(reps + 1):
        start = time.perf_counter()
        for path, source in sources:
            compile(source, path, "exec", ast.PyCF_ONLY_AST)
        times.append(time.perf_counter() - start)
    print(json.dumps({"files": len(sources), "bytes": sum(len(s) for _, s in sources), "seconds": times[1:],
                      "peak_rss_kb": peak_rss_kb()}))


def peak_rss_kb():
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
