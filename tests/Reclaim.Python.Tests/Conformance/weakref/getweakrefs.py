import weakref
class A: pass
a = A()
print(weakref.getweakrefs(a))
r = weakref.ref(a)
print(weakref.getweakrefs(a) == [r])
