# Binary files: BufferedReader/Writer/Random and FileIO, their reprs, modes, read/readline/seek/tell/truncate.
f = open("blob.bin", "wb")
print(repr(f), type(f), f.mode, f.name, f.readable(), f.writable(), f.seekable())
print(f.write(b"0123456789\nabc\n"), f.write(bytearray(b"tail")))
f.close()
print(repr(f), f.closed)

with open("blob.bin", "rb") as f:
    print(repr(f), f.mode, f.readable(), f.writable())
    print(f.read(4), f.tell(), f.readline(), f.readline(2), f.read())
    print(f.seek(-3, 2), f.read(), f.seek(2), f.seek(3, 1), f.read(2), f.tell())
    print(f.read(), f.read(5), f.readline())

with open("blob.bin", "rb") as f:
    print(f.readlines())
with open("blob.bin", "rb") as f:
    print([line for line in f])

with open("blob.bin", "r+b") as f:
    print(repr(f), f.mode)
    f.seek(2)
    f.write(b"XY")
    print(f.truncate(8), f.tell())
    f.seek(0)
    print(f.read())

with open("blob.bin", "w+b") as f:
    print(f.mode, f.read())
    f.write(b"abcdef")
    print(f.tell(), f.truncate(), f.seek(0), f.read())
    try:
        f.seek(-1)
    except OSError as e:
        print(type(e).__name__, e, e.errno)

with open("blob.bin", "rb", buffering=0) as raw:
    print(repr(raw), type(raw).__name__, raw.mode, raw.closefd, raw.read(2), raw.read())
print(repr(raw))

with open("blob.bin", "ab") as f:
    print(repr(f), f.mode, f.tell())
    f.write(b"++")
with open("blob.bin", "a+b") as f:
    print(f.mode, f.tell(), f.seek(0), f.read())
    f.write(b"!")
    f.seek(0)
    print(f.read())
