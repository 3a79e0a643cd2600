import weakref
class A:
    def __init__(self, n): self.n = n
d = weakref.WeakValueDictionary()
a = A(1)
b = A(2)
d["a"] = a
d["b"] = b
print(sorted(d.keys()))
del a
print(sorted(d.keys()))
print(d["b"].n)
