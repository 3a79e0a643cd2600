import weakref
class A: pass
def cb(ref):
    print("callback, referent gone:", ref() is None)
a = A()
r = weakref.ref(a, cb)
print("deleting")
del a
print("deleted")
