import sys
class A: pass
a = A()
e = ValueError(a, a)
print(sys.getrefcount(a))
e = None
print(sys.getrefcount(a))
