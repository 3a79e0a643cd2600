import sys
class A: pass
a = A()
r = [y for y in [a, a]]
print(sys.getrefcount(a))
r = None
print(sys.getrefcount(a))
