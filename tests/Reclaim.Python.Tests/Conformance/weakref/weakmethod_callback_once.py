import weakref, gc
class A:
    def m(self): return 1
calls = []
a = A()
wm = weakref.WeakMethod(a.m, lambda r: calls.append(r is wm))
print(wm() == a.m, wm is not None)
del a
print(calls, wm())
def f(): pass
try:
    weakref.WeakMethod(f)
except TypeError as e:
    print(e)
