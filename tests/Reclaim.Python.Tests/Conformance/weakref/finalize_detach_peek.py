import weakref
class A: pass
a = A()
f = weakref.finalize(a, print, "x")
obj, func, args, kwargs = f.peek()
print(obj is a, func is print, args, kwargs)
print(f.detach()[2])
print(f.alive, f.detach())
del a
print("done")
