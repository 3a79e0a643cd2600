import weakref
class A: pass
a = A()
p = weakref.proxy(a, lambda p: print("proxy callback"))
del a
print("done")
