class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {}
d["k"] = A(1)
d["k"] = A(2)
print("replaced")
d.pop("k")
print("popped")
