import gc
class A:
    def __del__(self):
        print("del, collecting inside")
        print("inner", gc.collect())
a = A()
del a
print("done")
