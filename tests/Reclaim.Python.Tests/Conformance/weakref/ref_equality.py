import weakref
class A: pass
a = A()
b = A()
ra = weakref.ref(a)
rb = weakref.ref(b)
print(ra == weakref.ref(a), ra == rb)
