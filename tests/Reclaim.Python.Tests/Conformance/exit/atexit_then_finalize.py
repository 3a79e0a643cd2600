import atexit, weakref
class A: pass
a = A()
weakref.finalize(a, print, "finalize")
atexit.register(print, "atexit")
print("main")
