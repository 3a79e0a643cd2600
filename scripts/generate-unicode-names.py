#!/usr/bin/env python3
"""Writes src/Reclaim.Python/Syntax/Parsing/UnicodeNames.deflate: every Unicode character name CPython 3.11 knows
(`unicodedata`, Unicode 14), for `\\N{...}` escapes. .NET has no name table of its own.

Lines of `HEX;NAME`, raw-deflated. Names that end in the code point's hex (CJK UNIFIED IDEOGRAPH-4E00 and kin) are
left out: the parser reads the code point from the name.
"""
import os
import sys
import unicodedata
import zlib

HEX_SUFFIXED = ("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-",
                "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Reclaim.Python", "Syntax", "Parsing",
                   "UnicodeNames.deflate")

if sys.version_info[:2] != (3, 11):
    sys.exit("run with CPython 3.11 (its Unicode version is the one Python 3.11 code sees)")
lines = []
for code in range(0x110000):
    name = unicodedata.name(chr(code), "")
    if name and not name.startswith(HEX_SUFFIXED):
        lines.append(f"{code:X};{name}")
compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
data = compressor.compress("\n".join(lines).encode("ascii")) + compressor.flush()
with open(OUT, "wb") as f:
    f.write(data)
print(f"{len(lines)} names, {len(data)} bytes")
