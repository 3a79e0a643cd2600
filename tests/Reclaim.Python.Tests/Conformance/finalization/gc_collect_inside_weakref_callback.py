import gc, weakref
class A: pass
def cb(r):
    print("callback collects", gc.collect())
a = A()
r = weakref.ref(a, cb)
del a
print("done")
