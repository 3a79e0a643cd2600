class A:
    def m(self): return 1
a = A()
print(a.m == a.m, a.m is a.m, A.m is A.m)
