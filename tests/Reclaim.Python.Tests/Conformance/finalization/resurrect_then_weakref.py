import gc, weakref
class A:
    def __del__(self):
        global saved
        saved = self
a = A()
r = weakref.ref(a)
del a
print(r() is saved)
