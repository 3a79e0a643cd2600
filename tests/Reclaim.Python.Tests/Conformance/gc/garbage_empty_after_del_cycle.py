import gc
class A:
    def __del__(self): pass
a = A()
a.me = a
del a
gc.collect()
print(len(gc.garbage))
