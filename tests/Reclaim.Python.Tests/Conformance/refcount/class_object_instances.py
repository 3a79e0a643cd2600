import sys
class A: pass
before = sys.getrefcount(A)
objs = [A() for _ in range(3)]
print(sys.getrefcount(A) - before)
objs = None
print(sys.getrefcount(A) - before)
