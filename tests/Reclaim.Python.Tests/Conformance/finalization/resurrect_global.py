import gc
class A:
    def __del__(self):
        global saved
        print("del, resurrecting")
        saved = self
a = A()
del a
print("resurrected", type(saved).__name__)
saved = None
print("second drop: no second del")
