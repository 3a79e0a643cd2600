class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
t = (A(1), A(2), A(3))
t = None
print("done")
