import gc
class A:
    def __del__(self):
        global saved
        saved = self
        print("del")
a = A()
a.me = a
del a
print(gc.collect())
print(saved.me is saved)
