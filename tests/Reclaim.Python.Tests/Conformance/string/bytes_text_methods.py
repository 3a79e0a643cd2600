# The str-like methods of bytes work on ASCII only.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(b" d"), b.lower(), b.upper(), b.swapcase(), "é".encode().upper())
print(b"a,b,,c".split(b","), b"a b  c".split(), b"a b c".split(None, 1), b"-".join([b"x", bytearray(b"y")]))
print(b"abcabc".find(b"c"), b"abcabc".rfind(b"c"), b"abcabc".index(98), b"abcabc".count(b"bc"), b"aaa".replace(b"a", b"b", 2))
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")), b"123".isdigit(), b"ab".isalpha(), b" \t".isspace())
print(b"\x00\xff".hex(), b"abc".hex(":"), bytes.fromhex("41 42 ff"), bytearray.fromhex("00"))
try:
    b"x".find("x")
except TypeError as e:
    print("TypeError", e)
try:
    bytes.fromhex("4g")
except ValueError as e:
    print("ValueError", e)
