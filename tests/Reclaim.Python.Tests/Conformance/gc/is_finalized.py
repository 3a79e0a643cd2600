import gc
class A:
    def __del__(self):
        global saved
        saved = self
a = A()
print(gc.is_finalized(a))
a.me = a
del a
gc.collect()
print(gc.is_finalized(saved))
