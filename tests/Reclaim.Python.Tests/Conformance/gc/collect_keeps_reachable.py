import gc
class A:
    def __del__(self): print("del A")
a = A()
a.me = a
print(gc.collect())
print("still alive", a.me is a)
