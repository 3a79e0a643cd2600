import weakref
class A: pass
a = A()
r1 = weakref.ref(a)
r2 = weakref.ref(a)
print(r1 is r2)
r3 = weakref.ref(a, lambda r: None)
print(r3 is r1)
