import sys
class A: pass
a = A()
base = sys.getrefcount(a)
l = [a, a, a]
print(sys.getrefcount(a) - base)
d = {"x": a, "y": a}
print(sys.getrefcount(a) - base)
t = (a,)
print(sys.getrefcount(a) - base)
del l, d, t
print(sys.getrefcount(a) - base)
def f(): return a
g = f
print(sys.getrefcount(f), sys.getrefcount([]), sys.getrefcount(A) > 2)
