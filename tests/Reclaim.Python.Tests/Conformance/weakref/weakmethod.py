import weakref
class A:
    def m(self): return "method"
a = A()
wm = weakref.WeakMethod(a.m)
print(wm()())
del a
print(wm())
