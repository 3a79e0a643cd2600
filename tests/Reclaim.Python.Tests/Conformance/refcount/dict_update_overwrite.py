import sys
class A: pass
a, b = A(), A()
d = {"x": a}
d.update(x=b)
print(sys.getrefcount(a), sys.getrefcount(b))
