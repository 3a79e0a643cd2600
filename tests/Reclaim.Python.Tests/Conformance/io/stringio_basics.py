# io.StringIO: positions count code points, writes overwrite and pad, lines, truncate, seek rules, closed errors.
import io

s = io.StringIO("héllo\nwörld\n😀 end")
print(s.read(3), s.tell())
print(repr(s.readline()), s.tell())
print(repr(s.readline(3)))
print(s.readlines())
print(s.tell())
s.seek(2)
print(s.write("XY"), repr(s.getvalue()))
s.seek(0, 2)
print(s.tell())
s.seek(30)
s.write("!")
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0)
print(s.truncate(), repr(s.getvalue()))
print(s.write("😀😀"), s.tell(), s.getvalue())

t = io.StringIO()
t.writelines(["a\n", "b\n", "c"])
t.seek(0)
print([line for line in t])
t.seek(0)
for line in t:
    print(repr(line))
print(t.readable(), t.writable(), t.seekable(), t.isatty(), t.closed)
print(t.newlines, t.line_buffering)
print(io.StringIO().getvalue() == "", io.StringIO(None).getvalue())
print(io.StringIO(initial_value="kw").read())

for args in [(-1,), (1, 1), (0, 3), (1, 2)]:
    try:
        t.seek(*args)
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
for bad in [lambda: t.write(1), lambda: t.truncate(-1), lambda: t.read("x"), lambda: io.StringIO(1), lambda: t.fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
for op in ["read", "getvalue", "tell", "readline", "readable", "isatty", "__enter__", "__iter__", "__next__", "truncate"]:
    try:
        getattr(c, op)()
    except ValueError as e:
        print(op, e)
c.flush()
c.close()
print(type(c).__name__, io.StringIO.__module__, repr(c).startswith("<_io.StringIO object at 0x"))


class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


u = Upper()
print("hi", file=u)
print(repr(u.getvalue()), isinstance(u, io.StringIO))
