# Instances of one class setting attributes in different orders, deleting and re-adding them, changing class,
# growing past the inline limit, and being cleared by the collector: each keeps exactly its own attributes.
import gc


class P:
    pass


a = P()
a.x = 1
a.y = 2
b = P()
b.y = 20
b.x = 10
c = P()
c.x = 100
c.z = 300
print(vars(a), vars(b), vars(c))
print(a.x, a.y, b.x, b.y, c.x, c.z, hasattr(c, "y"), hasattr(a, "z"))

d = P()
d.x = 5
d.y = 6
del d.x
print(vars(d), hasattr(d, "x"))
d.x = 7
print(vars(d), d.x, d.y)
e = P()
e.x = 8
e.y = 9
print(vars(e))


class Q:
    pass


f = P()
f.x = 1
f.__class__ = Q
f.w = 2
g = Q()
g.v = 3
print(type(f).__name__, vars(f), vars(g))
h = P()
h.x = 11
h.y = 12
print(vars(h))

many = P()
for i in range(20):
    setattr(many, "a" + str(i), i)
print(len(vars(many)), many.a0, many.a19)
other = P()
for i in range(20):
    setattr(other, "b" + str(i), -i)
print(len(vars(other)), other.b5, hasattr(other, "a5"))

dict_first = P()
dict_first.x = 1
dd = dict_first.__dict__
dict_first.y = 2
dd["z"] = 3
print(vars(dict_first), dict_first.z)


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


for round_ in range(3):
    n1 = Node("a" + str(round_))
    n2 = Node("b" + str(round_))
    n1.other = n2
    n2.other = n1
    del n1, n2
    print("collected", gc.collect())
fresh = Node("fresh")
fresh.extra = 1
print(vars(fresh))
late = Node("late")
print(vars(late))


class Slotted:
    __slots__ = ("p", "q")


s = Slotted()
s.p = 1
print(s.p, hasattr(s, "__dict__"))
