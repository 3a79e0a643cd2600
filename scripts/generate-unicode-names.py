#!/usr/bin/env python3
"""Writes src/Reclaim.Python/Syntax/Parsing/UnicodeNames.deflate: every name CPython 3.11 accepts in a `\\N{...}`
escape (Unicode 14). .NET has no name table of its own.

The table is raw-deflated ASCII text in two sections, each opened by a line of its own:

    @names      sorted by name (ordinal): HEX;NAME for every character `unicodedata.name` knows, except
                CJK UNIFIED IDEOGRAPH-XXXX (CPython builds those names from the code point; the parser does the
                same), and HEX=ALIAS for Unicode's formal name aliases (NameAliases.txt: corrections, controls,
                alternates, figments, abbreviations such as BOM and NBSP)
    @cjk        FIRST-LAST for each range of unified ideographs, in hex

It also writes src/Reclaim.Python/Syntax/Dump/Unicode14NonPrintable.cs: the ranges of code points that CPython 3.11
counts as not printable (`str.isprintable()` false: categories Cc, Cf, Cs, Co, Cn, Zl, Zp, and Zs other than the
space) in Unicode 14, which `repr` escapes; .NET's own Unicode data is newer and disagrees on some of them.
`--repr-only` writes just that file.

The parser keeps the names section as one block of bytes and binary-searches it, which costs a quarter of the
memory of a dictionary of 46,000 strings.

unicodedata can look an alias up but cannot list them, so the aliases come from NameAliases.txt of Debian's
`unicode-data` package (installed here when missing). That file may be of a newer Unicode than 3.11's, so only the
aliases that python3 itself accepts, for the same character, are written.
"""
import os
import subprocess
import sys
import unicodedata
import zlib

CJK = "CJK UNIFIED IDEOGRAPH-"
ALIASES = "/usr/share/unicode/NameAliases.txt"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Reclaim.Python", "Syntax", "Parsing",
                   "UnicodeNames.deflate")
UNASSIGNED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Reclaim.Python", "Syntax", "Dump",
                          "Unicode14NonPrintable.cs")


def ensure_name_aliases():
    if os.path.exists(ALIASES):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = sudo + ["apt-get", "install", "-y", "--no-install-recommends", "unicode-data"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, check=True, capture_output=True)
        subprocess.run(install, env=env, check=True, capture_output=True)
    if not os.path.exists(ALIASES):
        sys.exit(f"{ALIASES} is still missing after installing unicode-data")


def accepted(name, code):
    """Whether CPython's own \\N{} escape turns `name` into chr(code)."""
    try:
        return eval('"\\N{' + name + '}"') == chr(code)
    except SyntaxError:
        return False


def name_aliases():
    aliases = []
    with open(ALIASES, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code, alias, _kind = line.split(";")
            code = int(code, 16)
            if accepted(alias, code):
                aliases.append((alias, f"{code:X}={alias}"))
    return aliases


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run with CPython 3.11 (its Unicode version is the one Python 3.11 code sees)")
    ensure_name_aliases()
    names, ideographs = [], []
    for code in range(0x110000):
        name = unicodedata.name(chr(code), "")
        if name.startswith(CJK):
            ideographs.append(code)
        elif name:
            names.append((name, f"{code:X};{name}"))
    ranges = []
    for code in ideographs:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    aliases = name_aliases()
    entries = sorted(names + aliases)
    assert len({name for name, _ in entries}) == len(entries), "a name and an alias coincide"
    lines = ["@names", *(line for _, line in entries), "@cjk", *(f"{a:X}-{b:X}" for a, b in ranges)]
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress("\n".join(lines).encode("ascii")) + compressor.flush()
    with open(OUT, "wb") as f:
        f.write(data)
    write_unassigned()
    print(f"{len(names)} names, {len(aliases)} aliases, {len(ranges)} ideograph ranges, {len(data)} bytes")


def write_unassigned():
    ranges = []
    for code in range(0x110000):
        if not chr(code).isprintable():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    rows = []
    for i in range(0, len(ranges), 6):
        rows.append("        " + " ".join(f"0x{a:X}, 0x{b:X}," for a, b in ranges[i:i + 6]))
    with open(UNASSIGNED, "w", encoding="ascii") as f:
        f.write(UNASSIGNED_TEMPLATE.replace("RANGES", "\n".join(rows)).replace("COUNT", str(len(ranges))))


UNASSIGNED_TEMPLATE = """// Generated by scripts/generate-unicode-names.py from CPython 3.11's unicodedata; do not edit.
namespace Reclaim.Python.Syntax.Dump;

/// <summary>
/// The COUNT ranges of code points that are not printable in Unicode 14, the version CPython 3.11 uses (control,
/// format, surrogate, private-use, unassigned, and separators other than the space): its <c>repr</c> escapes them.
/// .NET's newer Unicode data has assigned or recategorised some of them since, so the table decides, not .NET.
/// </summary>
internal static class Unicode14NonPrintable
{
    /// <summary>First and last code point of each range, in order.</summary>
    private static readonly int[] Ranges =
    [
RANGES
    ];

    /// <summary>Whether <paramref name="code"/> is not printable in Unicode 14.</summary>
    /// <param name="code">A code point.</param>
    /// <returns>True when <c>repr</c> escapes it.</returns>
    public static bool Contains(int code) => CodePointRanges.Contains(Ranges, code);
}
"""


if __name__ == "__main__":
    if sys.argv[1:] == ["--repr-only"]:
        write_unassigned()
    else:
        main()
