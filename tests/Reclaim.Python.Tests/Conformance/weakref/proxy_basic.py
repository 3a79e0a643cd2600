import weakref
class A:
    def __init__(self): self.x = 5
    def m(self): return "m"
a = A()
p = weakref.proxy(a)
print(p.x, p.m())
del a
try:
    p.x
except ReferenceError as e:
    print("ReferenceError:", e)
