# Instances of one class share the names of their inline attributes while they set them in the same order; an
# instance that sets them differently, deletes one, grows past the shared capacity, or has its __class__ changed,
# must keep exactly its own attributes (values, order in __dict__, lookups, AttributeError).


class P:
    pass


a, b, c, d = P(), P(), P(), P()
a.x, a.y, a.z = 1, 2, 3
b.x, b.y = 10, 20
c.y, c.x = 200, 100          # another order: c's names are its own
d.x = 1000
b.w = 30                     # b diverges at its third attribute
d.y, d.z, d.extra = 2000, 3000, 4000
print(a.x, a.y, a.z, b.x, b.y, b.w, c.x, c.y, d.x, d.y, d.z, d.extra)
for name, o in [("a", a), ("b", b), ("c", c), ("d", d)]:
    print(name, vars(o), [hasattr(o, n) for n in ("x", "y", "z", "w", "extra")])

e = P()
for i in range(12):
    setattr(e, "attr" + str(i), i)
f = P()
f.x, f.y, f.z, f.u, f.v = 1, 2, 3, 4, 5
print(vars(e))
print(vars(f))

g = P()
g.x, g.y, g.z = 7, 8, 9
del g.y
g.y = "again"
h = P()
h.x, h.y, h.z = 70, 80, 90
print(g.x, g.y, g.z, h.x, h.y, h.z)
print(vars(g), vars(h), vars(a))

big = P()
for i in range(20):
    setattr(big, "k" + str(i), i * i)
print(len(vars(big)), big.k0, big.k19)
after = P()
after.k0, after.k1 = "zero", "one"
print(vars(after))


class Q:
    pass


moved = P()
moved.x, moved.y = "mx", "my"
moved.__class__ = Q
moved.z = "mz"
other = P()
other.x, other.y, other.z = "ox", "oy", "oz"
print(type(moved).__name__, vars(moved), vars(other))


class Slots:
    __slots__ = ("p", "q")


s = Slots()
s.q = 1
s.p = 2
t = Slots()
t.p = 3
print(s.p, s.q, t.p, hasattr(t, "q"))

try:
    print(b.z)
except AttributeError as err:
    print("AttributeError:", err)

many = [P() for _ in range(100)]
for i, m in enumerate(many):
    m.x = i
    if i % 3 == 0:
        m.odd = True
    m.y = -i
print(sum(m.x + m.y for m in many), sum(1 for m in many if hasattr(m, "odd")), vars(many[3]), vars(many[4]))
