import weakref
class V:
    def __init__(self, n): self.n = n
vs = [V(i) for i in range(3)]
d = weakref.WeakValueDictionary((i, v) for i, v in enumerate(vs))
print(sorted(r().n for r in d.valuerefs()))
k, v = d.popitem()
print(k == v.n, len(d))
d.clear()
print(len(d))
kd = weakref.WeakKeyDictionary({v: v.n for v in vs})
print(sorted(r().n for r in kd.keyrefs()))
k, val = kd.popitem()
print(k.n == val, len(kd))
kd.clear()
print(len(kd))
s = weakref.WeakSet(vs)
s.clear()
print(len(s))
