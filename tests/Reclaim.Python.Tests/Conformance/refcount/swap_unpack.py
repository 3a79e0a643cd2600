import sys
class A: pass
a = A()
b = A()
a, b = b, a
print(sys.getrefcount(a), sys.getrefcount(b))
