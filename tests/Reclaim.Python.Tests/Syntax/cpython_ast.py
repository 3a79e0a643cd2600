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
import warnings


def describe(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, path)
        return {"path": path, "dump": ast.dump(tree, include_attributes=True)}
    except SyntaxError as e:
        return {"path": path, "error": {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset}}
    except (ValueError, MemoryError, RecursionError) as e:
        return {"path": path, "error": {"type": type(e).__name__, "msg": str(e), "lineno": None, "offset": None}}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    out = sys.stdout
    for path in paths:
        out.write(json.dumps(describe(path)) + "\n")


if __name__ == "__main__":
    main()
