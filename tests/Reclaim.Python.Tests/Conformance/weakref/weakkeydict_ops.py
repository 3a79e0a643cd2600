import weakref
class K:
    def __init__(self, n): self.n = n
ks = [K(i) for i in range(3)]
d = weakref.WeakKeyDictionary()
for k in ks:
    d[k] = k.n * 10
print(len(d), d[ks[1]], ks[2] in d, K(5) in d, 3 in d)
print(d.get(ks[0]), d.get(K(7), "none"), d.setdefault(ks[0], -1))
print(d.pop(ks[2]), len(d))
ks.pop(0)
print(len(d), sorted(v for v in d.values()))
print(repr(d).startswith("<WeakKeyDictionary at 0x"))
