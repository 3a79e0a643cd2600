import weakref
class A: pass
s = weakref.WeakSet()
a = A()
b = A()
s.add(a)
s.add(b)
print(len(s), a in s)
del a
print(len(s))
