import gc
gc.collect()
class A: pass
a = A(); b = A()
a.b = b; b.a = a
del a, b
print(gc.collect())
