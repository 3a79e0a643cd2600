import sys
class A:
    def m(self): pass
a = A()
print(sys.getrefcount(a))
m = a.m
print(sys.getrefcount(a))
m2 = a.m
print(sys.getrefcount(a))
del m, m2
print(sys.getrefcount(a))
