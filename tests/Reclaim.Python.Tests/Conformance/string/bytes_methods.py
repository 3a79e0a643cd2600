b = b"hello world"
print(b.upper(), b.split(), b[0], b[1:3], list(b[:3]), b.decode(), "é".encode(), bytes([65, 66]))
print(b.find(b"o"), b.replace(b"l", b"L"), bytearray(b"ab") + b"c", b.hex())
