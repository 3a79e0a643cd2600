import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x = A(1); y = A(2); z = A(3)
x.n2 = y; y.n2 = z; z.n2 = x
del x, y, z
gc.collect()
print("done")
