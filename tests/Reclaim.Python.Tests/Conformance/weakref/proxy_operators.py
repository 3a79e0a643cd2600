import weakref
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return self.v + o
    def __len__(self): return 3
    def __str__(self): return "V!"
v = V(10)
p = weakref.proxy(v)
print(p + 5, len(p), str(p))
