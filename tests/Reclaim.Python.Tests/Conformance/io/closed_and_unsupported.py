# Operations on a closed file raise ValueError; reading a write-only file (and the reverse) raises io.UnsupportedOperation.
import io

with open("f.txt", "w") as f:
    f.write("text\n")
f.close()
f.close()
for name, args in [("read", ()), ("readline", ()), ("readlines", ()), ("write", ("x",)), ("writelines", (["x"],)),
                   ("seek", (0,)), ("tell", ()), ("truncate", ()), ("flush", ()), ("fileno", ()), ("readable", ()),
                   ("writable", ()), ("seekable", ()), ("isatty", ()), ("__iter__", ()), ("__next__", ()),
                   ("__enter__", ())]:
    try:
        getattr(f, name)(*args)
    except ValueError as e:
        print(name, type(e).__name__, e)
print(f.closed, f.name, f.mode, repr(f))

g = open("f.txt", "rb")
g.close()
try:
    next(iter(g))
except ValueError as e:
    print("binary", e)
try:
    for line in g:
        pass
except ValueError as e:
    print("for", e)

with open("f.txt") as r:
    for call in [lambda: r.write("x"), lambda: r.writelines([]), lambda: r.truncate(0)]:
        try:
            call()
        except io.UnsupportedOperation as e:
            print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
    print(io.UnsupportedOperation.__mro__)
with open("f.txt", "w") as w:
    try:
        w.read()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e)
    try:
        w.write(b"bytes")
    except TypeError as e:
        print(e)
with open("f.txt", "wb") as w:
    try:
        w.write("str")
    except TypeError as e:
        print(e)
    try:
        w.readline()
    except io.UnsupportedOperation as e:
        print(e)
with open("f.txt") as t:
    for call in [lambda: t.seek(1, 1), lambda: t.seek(1, 2), lambda: t.seek(-1), lambda: t.seek(0, 7), lambda: t.read("x")]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, e)
    print(t.seek(0, 1), t.seek(0, 2), t.tell())
