import sys
class A: pass
def outer():
    a = A()
    def inner():
        return a
    return inner, a
inner, a = outer()
print(sys.getrefcount(a))
inner = None
print(sys.getrefcount(a))
