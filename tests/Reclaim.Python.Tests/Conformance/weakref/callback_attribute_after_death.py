import weakref
class A: pass
def cb(r):
    print("callback sees __callback__:", r.__callback__)
a = A()
r = weakref.ref(a, cb)
print(r.__callback__ is cb)
del a
print("after:", r.__callback__)
