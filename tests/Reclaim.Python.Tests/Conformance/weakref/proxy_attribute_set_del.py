import weakref
class A: pass
a = A()
p = weakref.proxy(a)
p.x = 10
print(a.x, p.x)
del p.x
print(hasattr(a, "x"), hasattr(p, "x"))
print(p.__class__ is A, type(p) is weakref.ProxyType)
