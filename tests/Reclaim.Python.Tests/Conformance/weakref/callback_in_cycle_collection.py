import gc, weakref
class A: pass
a = A()
a.me = a
r = weakref.ref(a, lambda r: print("callback fired"))
del a
print("collecting")
gc.collect()
print("done")
