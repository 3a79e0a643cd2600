import atexit, weakref
class A:
    def __del__(self): print("__del__ of global")
g = A()
atexit.register(print, "atexit callback")
weakref.finalize(g, print, "finalize of global")
print("end")
