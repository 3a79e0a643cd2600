import sys, weakref
class A: pass
a = A()
r = weakref.ref(a)
print(sys.getrefcount(a))
p = weakref.proxy(a)
print(sys.getrefcount(a))
