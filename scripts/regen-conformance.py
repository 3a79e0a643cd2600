#!/usr/bin/env python3
"""Regenerates the expected output of every conformance program (and of examples/seeds/) from CPython.

Each program `<area>/<name>.py` gets `<area>/<name>.expected`: CPython's exit status, its stdout and its
stderr, with object addresses masked (`at 0x7f...` -> `at 0x?`) and the program's absolute path replaced by
its file name, exactly as the C# runner masks Reclaim's output. The format:

    exit: <status>
    --- stdout
    <stdout lines>
    --- stderr
    <stderr lines>

A stream whose text does not end in a newline is followed by the line `\\ no newline at end`.

Usage: scripts/regen-conformance.py [PATTERN...]   (substrings of `area/name`; none means all programs)
It must run under CPython 3.11 (it refuses anything else) and drives the real binary in subprocesses.
"""

import re
import shutil
import subprocess
import tempfile
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = [ROOT / "tests" / "Reclaim.Python.Tests" / "Conformance", ROOT / "examples" / "seeds"]
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
TIMEOUT_SECONDS = 20


def mask(text, program):
    text = text.replace(str(program), program.name)
    return ADDRESS.sub("at 0x?", text)


def section(title, text):
    if not text:
        return f"--- {title}\n"
    tail = "" if text.endswith("\n") else "\n\\ no newline at end\n"
    return f"--- {title}\n{text}{tail}"


def regenerate(program):
    env = {"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    # The program runs from an empty directory of its own (a copy of it there), so files it opens stay out of the tree.
    with tempfile.TemporaryDirectory(prefix="reclaim-conformance-") as workdir:
        copy = Path(workdir) / program.name
        shutil.copyfile(program, copy)
        completed = subprocess.run(
            [sys.executable, "-X", "utf8", program.name],
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
        stdout = mask(mask(completed.stdout.decode("utf-8"), copy), program)
        stderr = mask(mask(completed.stderr.decode("utf-8"), copy), program)
    expected = f"exit: {completed.returncode}\n" + section("stdout", stdout) + section("stderr", stderr)
    target = program.with_suffix(".expected")
    if not target.exists() or target.read_text(encoding="utf-8") != expected:
        target.write_text(expected, encoding="utf-8")
        return f"wrote {target.relative_to(ROOT)}"
    return None


def main(patterns):
    if sys.version_info[:2] != (3, 11) or sys.implementation.name != "cpython":
        sys.exit(f"regen-conformance: needs CPython 3.11, this is {sys.implementation.name} {sys.version.split()[0]}")
    programs = sorted(p for suite in SUITES if suite.exists() for p in suite.rglob("*.py"))
    if patterns:
        programs = [p for p in programs if any(s in p.as_posix() for s in patterns)]
    for stale in (e for suite in SUITES if suite.exists() for e in suite.rglob("*.expected")):
        if not stale.with_suffix(".py").exists():
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)} (its program is gone)")
    with ThreadPoolExecutor(max_workers=2) as pool:
        for message in pool.map(regenerate, programs):
            if message:
                print(message)
    print(f"{len(programs)} programs checked against {sys.executable} ({sys.version.split()[0]})")


if __name__ == "__main__":
    main(sys.argv[1:])
