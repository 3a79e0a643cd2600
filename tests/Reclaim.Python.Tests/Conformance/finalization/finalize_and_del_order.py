import weakref, gc
class A:
    def __del__(self): print("__del__")
a = A()
weakref.finalize(a, print, "finalize callback")
weakref.ref(a, lambda r: print("ref callback"))
r = weakref.ref(a, lambda r: print("kept ref callback"))
del a
print("cycle:")
b = A()
b.me = b
weakref.finalize(b, print, "finalize in cycle")
r2 = weakref.ref(b, lambda r: print("ref in cycle"))
del b
gc.collect()
print("end")
