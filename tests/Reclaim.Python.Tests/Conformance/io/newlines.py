# Universal newlines on read, newline='' untranslated, newline='\n', '\r', '\r\n' on write and read.
with open("mixed.bin", "wb") as f:
    f.write(b"unix\nwindows\r\nmac\rend")

with open("mixed.bin") as f:
    print(f.readlines())
with open("mixed.bin") as f:
    print(repr(f.read()))
with open("mixed.bin", newline="") as f:
    print(f.readlines())
with open("mixed.bin", newline="\n") as f:
    print(f.readlines())
with open("mixed.bin", newline="\r") as f:
    print(f.readlines())
with open("mixed.bin", newline="\r\n") as f:
    print(f.readlines())
with open("mixed.bin") as f:
    print([f.read(1) for _ in range(14)])

for newline in [None, "", "\n", "\r", "\r\n"]:
    with open("out.txt", "w", newline=newline) as f:
        f.write("a\nb\r\nc\rd\n")
    with open("out.txt", "rb") as f:
        print(repr(newline), f.read())

# A '\r\n' split across the 8192-byte chunks the text layer reads is still one line end.
with open("split.bin", "wb") as f:
    f.write(b"x" * 8191 + b"\r\n" + b"tail\r" + b"y" * 9000 + b"\r")
with open("split.bin") as f:
    lines = f.readlines()
print(len(lines), [len(line) for line in lines], [line[-1:] for line in lines])
with open("split.bin", newline="") as f:
    print([len(line) for line in f])
