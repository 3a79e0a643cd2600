import sys
class A: pass
a = A()
l = []
l.append(a)
l.append(a)
print(sys.getrefcount(a))
l.remove(a)
print(sys.getrefcount(a))
