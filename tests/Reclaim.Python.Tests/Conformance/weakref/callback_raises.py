import weakref
class A: pass
def cb(r):
    raise RuntimeError("boom")
a = A()
r = weakref.ref(a, cb)
del a
print("after")
