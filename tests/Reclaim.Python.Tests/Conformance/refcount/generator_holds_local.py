import sys
class A: pass
def gen(x):
    yield 1
    yield 2
a = A()
g = gen(a)
print(sys.getrefcount(a))
next(g)
print(sys.getrefcount(a))
g = None
print(sys.getrefcount(a))
