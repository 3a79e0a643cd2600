import sys
class A: pass
a = A()
s = {a}
print(sys.getrefcount(a))
s.discard(a)
print(sys.getrefcount(a))
