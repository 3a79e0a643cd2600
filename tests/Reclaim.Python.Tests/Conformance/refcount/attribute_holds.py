import sys
class A: pass
a = A()
b = A()
b.x = a
b.y = a
print(sys.getrefcount(a))
del b.x
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
