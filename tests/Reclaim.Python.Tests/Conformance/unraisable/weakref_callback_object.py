import sys, weakref
got = []
sys.unraisablehook = got.append
class A: pass
def cb(r): raise IndexError("cb")
a = A()
r = weakref.ref(a, cb)
del a
u = got[0]
print(u.exc_type.__name__, u.object is cb, u.err_msg)
