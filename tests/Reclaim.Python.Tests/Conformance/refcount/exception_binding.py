import sys
class A: pass
a = A()
try:
    raise ValueError(a)
except ValueError as e:
    print(sys.getrefcount(a))
print(sys.getrefcount(a))
