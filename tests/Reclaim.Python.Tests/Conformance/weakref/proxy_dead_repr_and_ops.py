import weakref
class A:
    def __init__(self): self.items = [1, 2, 3]
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(self.items)
    def __contains__(self, x): return x in self.items
a = A()
p = weakref.proxy(a)
print(p[1], len(p), list(p), 2 in p, 9 in p)
print(repr(p).startswith("<weakproxy at 0x"), "to 'A'" in repr(p))
del a
for op in (lambda: p[0], lambda: len(p), lambda: list(p), lambda: 1 in p, lambda: str(p)):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)
