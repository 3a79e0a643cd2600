import weakref
class A: pass
a = A()
p1 = weakref.proxy(a)
p2 = weakref.proxy(a)
p3 = weakref.proxy(a, lambda p: None)
print(p1 is p2, p1 is p3)
print(weakref.getweakrefcount(a))
try:
    hash(p1)
except TypeError as e:
    print("TypeError:", e)
r = weakref.ref(a)
print(weakref.getweakrefcount(a), len(weakref.getweakrefs(a)))
