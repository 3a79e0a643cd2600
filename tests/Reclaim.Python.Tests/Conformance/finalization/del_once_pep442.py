import gc
class A:
    def __del__(self):
        print("del called")
        A.keep = self
a = A()
a.me = a
del a
gc.collect()
A.keep = None
gc.collect()
print("done")
