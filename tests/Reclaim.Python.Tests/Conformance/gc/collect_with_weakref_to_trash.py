import gc, weakref
gc.collect()
class A: pass
a = A()
a.me = a
r = weakref.ref(a)
del a
print(gc.collect(), r())
