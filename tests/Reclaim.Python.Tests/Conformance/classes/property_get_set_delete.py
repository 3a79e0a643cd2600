class A:
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): print("set", x); self._v = x
    @v.deleter
    def v(self): print("delete")
a = A()
a.v = 5
print(a.v)
del a.v
