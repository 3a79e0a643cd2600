import sys
class A: pass
a = A()
fs = [lambda: a for _ in range(3)]
print(sys.getrefcount(a))
