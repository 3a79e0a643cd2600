import gc, weakref
class A: pass
a = A()
a.me = a
def cb(r): raise ValueError("cb in gc")
r = weakref.ref(a, cb)
del a
gc.collect()
print("continues")
