import gc
class A:
    def __del__(self): print("del A")
a = A()
a.me = a
a = None
print("dropped")
print(gc.collect() > 0)
print("collected")
