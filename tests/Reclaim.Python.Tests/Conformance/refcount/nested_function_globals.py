import sys
g = {}
def f():
    return sys.getrefcount(g)
print(f())
