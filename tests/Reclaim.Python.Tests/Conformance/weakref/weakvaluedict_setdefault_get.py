import weakref
class A: pass
d = weakref.WeakValueDictionary()
a = A()
print(d.setdefault("k", a) is a)
print(d.get("k") is a)
print(d.get("missing", "default"))
