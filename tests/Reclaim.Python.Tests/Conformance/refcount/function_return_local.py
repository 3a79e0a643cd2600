import sys
class A: pass
def make():
    x = A()
    return x
r = make()
print(sys.getrefcount(r))
