#!/usr/bin/env python3
"""CPython's side of the parser comparison, for many sources in one process.

    python3 cpython_ast.py LISTFILE

LISTFILE names one source file per line. For each, one JSON line on stdout:
{"path": ..., "dump": ast.dump(tree, include_attributes=True)} or
{"path": ..., "error": {"type": ..., "msg": ..., "lineno": ..., "offset": ...}}.
"""
import ast
import json
import sys
import threading
import warnings


def describe(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, path)
    except SyntaxError as e:
        return {"path": path, "error": {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}}
    except (ValueError, MemoryError, RecursionError) as e:
        return {"path": path, "error": {"type": type(e).__name__, "msg": str(e), "lineno": None, "offset": None}}
    # ast.dump recurses in Python: a tree that ast.parse accepted may be deeper than the default limit allows.
    # The limit is raised only here, after parsing, because ast.parse's own depth limit derives from it.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(100_000)
    try:
        return {"path": path, "dump": ast.dump(tree, include_attributes=True)}
    finally:
        sys.setrecursionlimit(limit)


def run():
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    out = sys.stdout
    for path in paths:
        out.write(json.dumps(describe(path)) + "\n")


def main():
    # A large C stack for the deep ast.dump recursion above.
    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()


if __name__ == "__main__":
    main()
