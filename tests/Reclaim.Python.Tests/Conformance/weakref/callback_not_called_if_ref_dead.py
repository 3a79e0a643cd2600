import weakref
class A: pass
def cb(ref): print("never")
a = A()
r = weakref.ref(a, cb)
del r
del a
print("done")
