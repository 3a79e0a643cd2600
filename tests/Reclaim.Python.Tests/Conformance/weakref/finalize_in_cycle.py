import gc, weakref
class A: pass
a = A()
a.me = a
weakref.finalize(a, print, "finalize for cyclic object")
del a
print("collecting")
gc.collect()
print("done")
