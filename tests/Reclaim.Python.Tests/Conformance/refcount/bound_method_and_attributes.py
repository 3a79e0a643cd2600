import sys
class A:
    def m(self): pass
a = A()
base = sys.getrefcount(a)
m = a.m
print(sys.getrefcount(a) - base)
b = A()
b.x = a
b.y = a
print(sys.getrefcount(a) - base)
del b
print(sys.getrefcount(a) - base)
del m
print(sys.getrefcount(a) - base)
