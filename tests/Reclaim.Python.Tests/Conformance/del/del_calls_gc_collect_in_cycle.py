import gc
class A:
    def __del__(self):
        print("del", self.name, "collect ->", gc.collect())
a = A(); a.name = "a"
b = A(); b.name = "b"
a.other = b; b.other = a
del a, b
print("outer", gc.collect())
