import sys
class A: pass
a = A()
def f(x=a): return x
print(sys.getrefcount(a))
del f
print(sys.getrefcount(a))
