import weakref
class A: pass
a = A()
r = weakref.ref(a)
print(repr(r).startswith("<weakref at "))
del a
print(repr(r).endswith("; dead>"))
