import gc
gc.collect()
class A: pass
del A
print(gc.collect() > 0)
