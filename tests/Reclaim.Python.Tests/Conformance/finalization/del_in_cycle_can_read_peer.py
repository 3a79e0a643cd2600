import gc
class A:
    def __init__(self, n): self.n = n
    def __del__(self):
        print(self.n, "sees peer", self.peer.n)
a = A("a"); b = A("b")
a.peer = b; b.peer = a
del a, b
gc.collect()
