# The fused `a, b = x, y` / `a, b, c = x, y, z`, tuple unpacking without a list, and reused call frames keep
# CPython's evaluation order, store order, error positions and finalization.
import sys


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def value(tag, result):
    print("eval", tag)
    return result


class Box:
    def __setattr__(self, name, v):
        print("store", name)
        object.__setattr__(self, name, v)


a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
box = Box()
box.p, box.q = value("left", 1), value("right", 2)
box.p, box.q, box.r = value("one", 1), value("two", 2), value("three", 3)
print(box.p, box.q, box.r)

old = Loud("old")
old, other = Loud("new"), 5
print("after rebinding", old.name, other)
del old

lst = [0, 0]
try:
    lst[0], lst[5] = value("first", "a"), value("second", "b")
except IndexError as e:
    print("IndexError", e, lst)

try:
    p, q = value("first", 1), undefined_name
except NameError as e:
    print("NameError", e)


def pairs():
    return [(i, str(i)) for i in range(3)]


for k, v in pairs():
    print(k, v)
t = (Loud("item0"), Loud("item1"))
m, n = t
del t
print("unpacked", m.name, n.name)
del m, n
try:
    m, n = (1, 2, 3)
except ValueError as e:
    print("ValueError", e)
try:
    m, n, o = (1, 2)
except ValueError as e:
    print("ValueError", e)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def fails(n):
    if n == 0:
        raise KeyError("bottom")
    return fails(n - 1)


print(depth(50), depth(60))
for attempt in range(2):
    try:
        fails(3)
    except KeyError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(attempt, names)
print(depth(5))
saved = tb
print(sys.getrecursionlimit() > 100)
