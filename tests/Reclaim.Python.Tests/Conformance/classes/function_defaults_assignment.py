# Assigning __defaults__ and __kwdefaults__ changes how the next call binds; None (or del) removes them; other types
# are refused with CPython's messages; the old default values die when replaced, the dict is kept as the same object.
def f(a, b=1, *, c=2):
    return (a, b, c)
print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (5,)
f.__kwdefaults__ = {"c": 7}
print(f(0), f.__defaults__, f.__kwdefaults__)
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print(e)
f.__defaults__ = (1, 2)
print(f(), f(3), f(3, 4, c=5), f.__defaults__)
f.__kwdefaults__ = None
try:
    f(0)
except TypeError as e:
    print(e)
for attr, value in [("__defaults__", [1]), ("__kwdefaults__", [1]), ("__defaults__", {"a": 1})]:
    try:
        setattr(f, attr, value)
    except TypeError as e:
        print(attr, "->", e)
kw = {"c": 10}
f.__kwdefaults__ = kw
print(f.__kwdefaults__ is kw, f(0, 0))
kw["c"] = 11
print(f(0, 0))
del f.__defaults__
print(f.__defaults__)
del f.__kwdefaults__
print(f.__kwdefaults__)

class Noisy:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Noisy({self.name})"
    def __del__(self): print("del", self.name)
def g(x=Noisy("first")):
    return x
print(g())
g.__defaults__ = (Noisy("second"),)
print("replaced")
print(g())
g.__defaults__ = None
print("cleared")
try:
    g()
except TypeError as e:
    print(e)
h = lambda *, k=Noisy("kw"): k
print(h())
h.__kwdefaults__ = {}
print("kw cleared")
print(h(k=3))
