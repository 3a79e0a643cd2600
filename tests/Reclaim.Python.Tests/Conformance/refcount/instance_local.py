import sys
class A: pass
def f():
    a = A()
    print(sys.getrefcount(a))
    b = [a, a]
    print(sys.getrefcount(a))
    b = None
    print(sys.getrefcount(a))
f()
