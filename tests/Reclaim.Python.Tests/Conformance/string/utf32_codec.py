# utf-32 with its byte-order mark, and the -le/-be forms without one, round-tripping astral text.
s = "a\xe9\u20ac\U0001F600"
for codec in ("utf-32", "utf-32-le", "utf-32-be", "UTF32", "utf_32_be"):
    b = s.encode(codec)
    print(codec, len(b), b[:8], b[-4:], b.decode(codec) == s)
print(b"\x00\x00\xfe\xff\x00\x00\x00A".decode("utf-32"), b"\xff\xfe\x00\x00B\x00\x00\x00".decode("utf-32"))
print("x\udc80".encode("utf-32-le", "ignore"), "x\udc80".encode("utf-32-be", "surrogatepass"))
try:
    "ab\udc80".encode("utf-32")
except UnicodeEncodeError as e:
    print(e)
