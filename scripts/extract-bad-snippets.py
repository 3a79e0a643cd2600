#!/usr/bin/env python3
"""Writes tests/Reclaim.Python.Tests/Syntax/bad-snippets.txt: the syntax-error examples of CPython 3.11's
Lib/test/test_syntax.py doctests that `ast.parse` itself rejects, plus the hand-written cases of
hand-bad-snippets.txt (from test_fstring, test_eof, test_exceptions, test_grammar, test_unicode_identifiers), plus
every string constant of the CPython test files in CORPUS_FILES that `ast.parse` rejects with a SyntaxError (the
snippets those tests hand to compile/exec/ast.parse), in file order, after the first two parts so that indices in
KnownDifferences.cs stay put as this part grows.
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

# Test files whose string constants are searched for snippets CPython refuses.
CORPUS_FILES = [
    "test_syntax", "test_exceptions", "test_grammar", "test_fstring", "test_eof", "test_unicode_identifiers",
    "test_string_literals", "test_tokenize", "test_positional_only_arg", "test_keywordonlyarg",
    "test_named_expressions", "test_patma", "test_ast", "test_compile", "test_coroutines",
]


def refused(text):
    """True when CPython's ast.parse raises SyntaxError (or a subclass) for text."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except SyntaxError:
        return True
    except Exception:  # ValueError (null bytes), RecursionError, MemoryError: not a syntax error to compare
        return False
    return False


def usable(text):
    """A snippet the corpus file can hold: short, UTF-8 encodable (no lone surrogates), no separator, no NUL."""
    if len(text) > 600 or "#---#" in text or "\0" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeError:
        return False
    return True


seen = set(snippets)
for name in CORPUS_FILES:
    path = os.path.join(sysconfig.get_paths()["stdlib"], "test", name + ".py")
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    # ast.walk is breadth-first; sort by position so the order follows the file.
    constants = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)),
                       key=lambda n: (n.lineno, n.col_offset))
    for node in constants:
        text = node.value
        if text not in seen and usable(text) and refused(text):
            seen.add(text)
            snippets.append(text)

with open(os.path.join(TESTS, "bad-snippets.txt"), "w", encoding="utf-8") as f:
    f.write("#---#\n".join(snippets))
print(len(snippets), "snippets")
