# A file object owns its OS handle: an unclosed file is flushed and closed when its last reference goes (CPython's
# ResourceWarning is silent by default), or when the collector frees the cycle holding it.
import gc
import weakref

f = open("life.txt", "w")
f.write("written but not closed")
r = weakref.ref(f)
del f
print("after del:", r(), repr(open("life.txt").read()))


def write_and_forget(text):
    g = open("life.txt", "a")
    g.write(text)


write_and_forget(" / appended in a function")
with open("life.txt") as check:
    print(check.read())


class Owner:
    def __init__(self, path):
        self.file = open(path, "w")
        self.me = self

    def __del__(self):
        print("Owner.__del__, file closed:", self.file.closed)


o = Owner("cycle.txt")
o.file.write("in a cycle")
watch = weakref.ref(o.file)
del o
print("before collect:", watch() is not None, repr(open("cycle.txt").read()))
print("collected:", gc.collect() > 0)
# (What the file then holds is left out: CPython finalizes the cycle's FileIO, its buffer and its text layer in
# collector order, and a raw file closed before its buffer loses the buffered text; docs/python.md lists this.)
print("after collect:", watch())

handles = [open("many%d.txt" % i, "w") for i in range(200)]
for i, h in enumerate(handles):
    h.write(str(i))
del handles, h
print(sum(int(open("many%d.txt" % i).read()) for i in range(200)))

with open("life.txt") as f:
    pass
print(f.closed, f.name)
