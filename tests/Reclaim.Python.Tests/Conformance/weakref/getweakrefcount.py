import weakref
class A: pass
a = A()
print(weakref.getweakrefcount(a))
r1 = weakref.ref(a)
r2 = weakref.ref(a, lambda r: None)
print(weakref.getweakrefcount(a))
del r2
print(weakref.getweakrefcount(a))
print(weakref.getweakrefcount(1))
