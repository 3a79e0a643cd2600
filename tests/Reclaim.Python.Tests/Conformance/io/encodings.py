# Text files with a chosen codec and error handler, and multi-byte characters that straddle the read chunks.
text = "ascii, café, naïve, 日本語, emoji 😀\n"
for encoding in ["utf-8", "latin-1", "utf-16", "ascii"]:
    try:
        with open("enc.txt", "w", encoding=encoding) as f:
            print(encoding, f.encoding, f.errors, f.write(text))
    except UnicodeEncodeError as e:
        print(encoding, type(e).__name__, e)
        continue
    with open("enc.txt", "rb") as f:
        data = f.read()
    with open("enc.txt", encoding=encoding) as f:
        print(encoding, len(data), f.read() == text)

with open("enc.txt", "w", encoding="ascii", errors="replace") as f:
    f.write(text)
with open("enc.txt") as f:
    print(repr(f.read()))
with open("enc.txt", "w", encoding="ascii", errors="ignore") as f:
    f.write(text)
with open("enc.txt", encoding="ascii") as f:
    print(repr(f.read()), repr(f))

with open("bad.bin", "wb") as f:
    f.write(b"good \xff bad\n")
for errors in ["strict", "replace", "ignore"]:
    try:
        with open("bad.bin", errors=errors) as f:
            print(errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print(errors, type(e).__name__, e)

big = "é" * 5000 + "\n" + "語" * 5000 + "\n" + "😀" * 3000
with open("big.txt", "w", encoding="utf-8") as f:
    f.write(big)
with open("big.txt", encoding="utf-8") as f:
    lines = f.readlines()
print([len(line.encode()) for line in lines], "".join(lines) == big)
with open("big.txt", encoding="utf-8") as f:
    pieces = []
    while True:
        piece = f.read(777)
        if not piece:
            break
        pieces.append(piece)
print(len(pieces), "".join(pieces) == big)
with open("big.txt", "w", encoding="latin-1") as f:
    f.write("ÿ" * 10000)
with open("big.txt", encoding="latin-1") as f:
    print(len(f.read()), f.tell())
