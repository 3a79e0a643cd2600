# Text files written and read back: read(), read(n), readline(), readline(limit), readlines(), iteration, tell/seek.
with open("data.txt", "w") as f:
    print(f.write("first line\n"), f.write("second\nthird"), f.closed)
    f.writelines(["\nfour", "th\n", "fifth\n"])
print(f.closed)

with open("data.txt") as f:
    print(repr(f.read()))
    print(repr(f.read()), repr(f.readline()))

with open("data.txt") as f:
    print(repr(f.read(5)), repr(f.read(0)), repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.readlines())

with open("data.txt") as f:
    for number, line in enumerate(f, 1):
        print(number, repr(line))

with open("data.txt") as f:
    first = f.readline()
    where = f.tell()
    rest = f.read()
    f.seek(where)
    print(where, f.read() == rest, f.seek(0), f.readline() == first)
    print(f.seek(0, 2), repr(f.read()), f.tell())

with open("data.txt") as f:
    print(f.readlines(12))
    print(list(f))

with open("empty.txt", "w") as f:
    pass
with open("empty.txt") as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))
