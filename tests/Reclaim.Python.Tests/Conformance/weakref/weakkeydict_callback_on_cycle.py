import gc, weakref
class K: pass
d = weakref.WeakKeyDictionary()
k = K()
k.me = k
d[k] = "v"
del k
print(len(d))
gc.collect()
print(len(d))
