# bytes and bytearray construction and their reprs' quote choice and escapes.
print(bytes(3), bytes([0, 65, 255]), bytes("hé", "utf-8"), bytes(b"x"), bytearray(2), bytearray("ab", "ascii"))
print(b"it's", b'say "hi"', b"both ' and \"", b"\t\n\r\\\x7f\x80", bytes(range(30, 35)))
print(repr(bytearray(b"q")), str(b"s"), len(b"abc"), b"abc"[1], b"abc"[-1], b"abc"[::-1], list(b"hi"))
print(b"a" + b"b", b"ab" * 2, 3 * b"x", b"b" in b"abc", 98 in b"abc", b"" == bytearray(), b"a" < b"b", b"ab" == "ab")
for bad in [lambda: bytes("x"), lambda: bytes([256]), lambda: bytes(-1), lambda: bytes(1.5), lambda: b"a" + "b", lambda: b"a"[5]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
