import weakref
class A: pass
a = A()
refs = [weakref.ref(a, lambda r, i=i: print("cb", i)) for i in range(3)]
del a
print("done")
