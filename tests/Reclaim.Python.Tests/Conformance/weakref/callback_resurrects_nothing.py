import weakref
class A: pass
saved = []
def cb(r):
    saved.append(r())
a = A()
r = weakref.ref(a, cb)
del a
print(saved)
