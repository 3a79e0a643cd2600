import weakref
def f(): pass
class A:
    def m(self): pass
print(weakref.ref(f)() is f)
print(weakref.ref(A)() is A)
print(weakref.ref(A.m)() is A.m)
try:
    weakref.ref(object.__init__)
except TypeError as e:
    print(e)
