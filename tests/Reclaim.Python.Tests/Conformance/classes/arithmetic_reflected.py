class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
    def __iadd__(self, o): self.v += o; return self
    def __repr__(self): return f"V({self.v})"
v = V(1)
print(v + 2, 3 + v, v + V(4))
w = v
v += 10
print(v, w is v)
print(sum([V(1), V(2)]))
