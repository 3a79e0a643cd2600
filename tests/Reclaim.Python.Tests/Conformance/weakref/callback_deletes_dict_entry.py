import weakref
class A: pass
registry = {}
def cb(r):
    print("removing", registry.pop("a") is r)
a = A()
registry["a"] = weakref.ref(a, cb)
del a
print(registry)
