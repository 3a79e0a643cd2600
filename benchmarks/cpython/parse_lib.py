#!/usr/bin/env python3
"""CPython's side of `reclaim bench --parse`: parse every file of LISTFILE to an AST
(compile(..., PyCF_ONLY_AST)), REPS times; print JSON {files, bytes, seconds: [...], peak_rss_kb}.

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
                      "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
