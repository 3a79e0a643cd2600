import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self):
        print("del", self.n)
        raise RuntimeError(self.n)
a = A("a"); b = A("b")
a.b = b; b.a = a
del a, b
print("collected", gc.collect())
