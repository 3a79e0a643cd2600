import sys
def getter(self): return 1
class A:
    p = property(getter)
print(sys.getrefcount(getter))
print(A().p)
