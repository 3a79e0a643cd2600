import gc
gc.collect()
class A: pass
a = A()
a.a = a
del a
print(gc.collect())
