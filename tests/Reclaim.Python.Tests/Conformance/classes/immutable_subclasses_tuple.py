# Subclasses of tuple and bytes: instances of the subclass with attributes; tuple operations return plain tuples.
class T(tuple): pass
class B(bytes): pass
t = T(); print(type(t).__name__, type(T([1,2])).__name__, T([1,2]), B(b"x"), type(B(b"x")).__name__)
t2 = T((1,2)); t2.a = 1; print(t2.a, t2 + (3,), type(t2+(3,)).__name__)
import weakref
for o in [t, B(b"x")]:
  try: weakref.ref(o)
  except TypeError as e: print(e)
t3 = T([1, 2])
print(t3 == (1, 2), (1, 2) == t3, t3 < (1, 3), hash(t3) == hash((1, 2)), t3 * 2, 2 * t3, type(t3 * 2).__name__, len(t3), t3[0], t3[:1], list(t3), 2 in t3, repr(t3))
print({t3: 1}[(1, 2)], t3.count(1), t3.index(2), isinstance(t3, tuple))
class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    def __repr__(self):
        return "P(%r, %r)" % tuple(self)
    @property
    def x(self):
        return self[0]
p = P(1, 2); print(p, p.x, p + (3,), type(p).__name__)
x, y = p; print(x, y)
