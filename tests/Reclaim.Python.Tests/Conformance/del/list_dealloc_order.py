class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
items = [A(i) for i in range(4)]
print("drop")
items = None
print("done")
