import weakref
class A: pass
got = []
def cb(ref):
    got.append(ref)
a = A()
r = weakref.ref(a, cb)
del a
print(got[0] is r)
