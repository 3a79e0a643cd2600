# bytes are hashable and equal to equal bytearrays; bytearray is not hashable; both sort and compare by content.
d = {b"k": 1, b"": 2}
print(d[b"k"], d[bytes(0)], b"k" in d, bytearray(b"k") == b"k", sorted([b"b", b"a", b"ab"]), b"abc" < b"abd", b"a" * 0)
print(hash(b"x") == hash(bytes([120])), len({b"a", b"a", bytes([97])}), max([b"a", b"b"]), bytes(bytearray(b"z")), list(bytearray(b"az")))
try:
    {bytearray(b"x"): 1}
except TypeError as e:
    print("TypeError", e)
print(b"%d" % 3, b"-".join(sorted({b"b", b"a"})), str(b"\xc3\xa9", "utf-8"), int(b"42"), float("1.5"))
