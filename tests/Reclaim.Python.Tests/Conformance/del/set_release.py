class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __hash__(self): return self.n
s = {A(1)}
s.clear()
print("cleared")
