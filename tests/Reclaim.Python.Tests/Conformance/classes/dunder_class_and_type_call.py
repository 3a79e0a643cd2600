class A: pass
a = A()
print(a.__class__ is A, type(a)(), type(type(a)).__name__, type(None)() is None)
