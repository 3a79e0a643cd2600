import weakref
class A: pass
a = A()
weakref.finalize(a, print, "finalize at exit")
print("end of program")
