import gc
class A:
    def __del__(self):
        raise ValueError("from del")
a = A()
a.me = a
del a
print(gc.collect())
print("after")
