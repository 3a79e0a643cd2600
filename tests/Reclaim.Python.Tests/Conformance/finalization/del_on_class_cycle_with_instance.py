import gc
class A:
    def __del__(self): print("instance del")
A.instance = A()
del A
gc.collect()
print("done")
