import gc
class A: pass
a = A()
x = [1, "two", a]
r = gc.get_referents(x)
print(len(r), a in r)
d = {"k": a}
print(a in gc.get_referents(d), "k" in gc.get_referents(d))
t = (a, [])
print(len(gc.get_referents(t)))
print(gc.get_referents(1, "s"))
