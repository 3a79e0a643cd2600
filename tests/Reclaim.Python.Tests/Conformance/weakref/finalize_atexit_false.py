import weakref
class A: pass
a = A()
f = weakref.finalize(a, print, "should not print")
f.atexit = False
print("end of program")
