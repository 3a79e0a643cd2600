import gc, weakref
class A:
    def __del__(self):
        print("del sees weakref", self.r())
a = A()
b = A()
a.r = weakref.ref(b)
b.r = weakref.ref(a)
a.b = b
b.a = a
del a, b
gc.collect()
