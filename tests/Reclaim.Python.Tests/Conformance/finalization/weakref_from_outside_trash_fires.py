import gc, weakref
class A: pass
a = A()
a.me = a
outside = weakref.ref(a, lambda r: print("outside callback"))
del a
gc.collect()
print("done")
