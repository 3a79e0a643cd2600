#!/usr/bin/env python3
"""Writes tests/Reclaim.Python.Tests/Syntax/bad-snippets.txt: the syntax-error examples of CPython 3.11's
Lib/test/test_syntax.py doctests that `ast.parse` itself rejects, plus the hand-written cases of
hand-bad-snippets.txt (from test_fstring, test_eof, test_exceptions, test_grammar, test_unicode_identifiers).
Snippets are separated by a line `#---#`. The expected errors are not stored: the tests ask python3 each run.
"""
import ast
import doctest
import os
import sysconfig
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "..", "tests", "Reclaim.Python.Tests", "Syntax")
source = open(os.path.join(sysconfig.get_paths()["stdlib"], "test", "test_syntax.py"), encoding="utf-8").read()
start = source.index('"""') + 3
doc = source[start:source.index('"""', start)]
snippets = []
for example in doctest.DocTestParser().get_examples(doc):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(example.source)
    except SyntaxError:
        snippets.append(example.source)
    except Exception:
        pass
with open(os.path.join(TESTS, "hand-bad-snippets.txt"), encoding="utf-8") as f:
    snippets += [s.lstrip("\n") for s in f.read().split("#---#\n") if s.strip()]
with open(os.path.join(TESTS, "bad-snippets.txt"), "w", encoding="utf-8") as f:
    f.write("#---#\n".join(snippets))
print(len(snippets), "snippets")
