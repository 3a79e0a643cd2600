class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
data = {"list": [A("l0"), A("l1")], "tuple": (A("t0"), A("t1")), "one": A("one")}
data = None
print("done")
