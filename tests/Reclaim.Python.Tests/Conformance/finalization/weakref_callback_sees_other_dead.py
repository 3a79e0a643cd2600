import weakref, gc
class A: pass
a = A(); b = A()
a.b = b; b.a = a
ra = weakref.ref(a)
def cb(r):
    print("callback: ra() is", ra())
rb = weakref.ref(b, cb)
del a, b
print(gc.collect())
