import sys
class S:
    __slots__ = ("x", "y")
class A: pass
a = A()
s = S()
s.x = a
s.y = a
print(sys.getrefcount(a))
del s.x
print(sys.getrefcount(a))
