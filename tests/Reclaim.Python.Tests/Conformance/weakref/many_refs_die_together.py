import weakref
class A:
    def __init__(self, n): self.n = n
objs = [A(i) for i in range(3)]
refs = [weakref.ref(o, lambda r, i=i: print("dead", i)) for i, o in enumerate(objs)]
del objs
print("done")
