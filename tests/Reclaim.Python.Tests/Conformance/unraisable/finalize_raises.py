import weakref
class A: pass
def boom():
    raise ZeroDivisionError("fin")
a = A()
weakref.finalize(a, boom)
del a
print("continues")
