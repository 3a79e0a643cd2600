import weakref
class A: pass
holder = {}
def cb(r):
    print("callback")
    holder.clear()
    global d
    del d
a = A()
d = weakref.WeakValueDictionary()
d["a"] = a
holder["r"] = weakref.ref(a, cb)
del a
print("done", "d" in globals(), holder)
