import sys
class A: pass
v = A()
a = A()
a.__dict__["v"] = v
print(sys.getrefcount(v))
vars(a).clear()
print(sys.getrefcount(v))
