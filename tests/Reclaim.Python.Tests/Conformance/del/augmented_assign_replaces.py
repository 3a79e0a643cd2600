class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + o)
    def __del__(self): print("del", self.v)
n = N(1)
n += 1
print("now", n.v)
n += 1
print("now", n.v)
