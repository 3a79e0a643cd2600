import weakref, gc
class V:
    def __init__(self, n): self.n = n
d = weakref.WeakValueDictionary()
vs = [V(i) for i in range(5)]
for i, v in enumerate(vs):
    d[i] = v
print(len(d), sorted(d.keys()))
del vs[1], vs[2]
print(len(d), sorted(d.keys()), 1 in d, d.get(1, "gone"))
c = V(99)
c.me = c
d["cyc"] = c
del c
print("cyc" in d)
gc.collect()
print("cyc" in d, len(d))
print(repr(d).startswith("<WeakValueDictionary at 0x"))
