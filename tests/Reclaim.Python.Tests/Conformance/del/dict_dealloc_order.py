class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {"a": A("a"), "b": A("b"), "c": A("c")}
d = None
print("done")
