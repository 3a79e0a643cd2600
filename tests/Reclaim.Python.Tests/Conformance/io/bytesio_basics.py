# io.BytesIO: reads, writes, relative seeks that clamp, truncate, bytes-like input, closed errors.
import io

b = io.BytesIO(b"one\ntwo\nthree")
print(b.read(2), b.tell())
print(b.readline(), b.readline(2), b.readlines())
print(b.seek(-3, 2), b.read())
print(b.seek(-100, 1), b.tell())
print(b.seek(20), b.write(bytearray(b"Z")), b.getvalue())
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(0)
print(b.write(b"AB"), b.getvalue())
print(b.read1(1), b.read(), b.read())
b.seek(0)
print(list(b))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
print(io.BytesIO().getvalue(), io.BytesIO(initial_bytes=b"kw").read())

for args in [(-1,), (0, 3)]:
    try:
        b.seek(*args)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [lambda: b.write("x"), lambda: io.BytesIO("x"), lambda: b.truncate(-2), lambda: b.fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

with io.BytesIO(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed, iter(c) is c)
for op in ["read", "getvalue", "tell", "write", "seek", "readable", "flush", "isatty", "__enter__", "__next__", "truncate"]:
    try:
        getattr(c, op)(*{"write": (b"x",), "seek": (0,)}.get(op, ()))
    except ValueError as e:
        print(op, e)
print(type(c).__name__, repr(c).startswith("<_io.BytesIO object at 0x"))
