import weakref
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __mul__(self, o): return N(self.v * o)
    def __neg__(self): return N(-self.v)
    def __lt__(self, o): return self.v < (o.v if isinstance(o, N) else o)
    def __eq__(self, o): return self.v == (o.v if isinstance(o, N) else o)
    __hash__ = None
n = N(3)
m = N(4)
p = weakref.proxy(n)
q = weakref.proxy(m)
print((p + 1).v, (1 + p).v, (p * 5).v, (-p).v)
print((p + q).v, p < q, q < p, p == 3, p == q)
