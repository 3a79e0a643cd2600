import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
class A: pass
a = A()
a.me = a
del a
n = gc.collect()
print(n, len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
