import weakref
class A: pass
d = weakref.WeakValueDictionary()
d["x"] = A()
try:
    d["x"]
except KeyError as e:
    print("KeyError", e)
print(len(d))
