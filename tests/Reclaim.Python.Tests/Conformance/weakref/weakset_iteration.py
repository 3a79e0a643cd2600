import weakref
class A:
    def __init__(self, n): self.n = n
objs = [A(i) for i in range(3)]
s = weakref.WeakSet(objs)
print(sorted(o.n for o in s))
del objs[0]
print(sorted(o.n for o in s))
