import sys
class A: pass
v = A()
class Holder:
    x = v
print(sys.getrefcount(v))
del Holder.x
print(sys.getrefcount(v))
