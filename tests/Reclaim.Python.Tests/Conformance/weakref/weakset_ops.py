import weakref
class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return "A%d" % self.n
xs = [A(i) for i in range(4)]
s = weakref.WeakSet(xs)
print(len(s), xs[0] in s, A(9) in s, 1 in s)
s.discard(xs[1])
print(len(s))
s.remove(xs[2])
try:
    s.remove(A(8))
except KeyError:
    print("KeyError")
del xs[:]
print(len(s), list(s))
