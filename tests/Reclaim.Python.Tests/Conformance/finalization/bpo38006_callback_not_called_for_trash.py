import gc, weakref
class A: pass
def cb(r): print("callback ran")
a = A()
a.me = a
a.wr = weakref.ref(a, cb)
del a
gc.collect()
print("done")
