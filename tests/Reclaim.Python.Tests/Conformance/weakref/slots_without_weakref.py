import weakref
class S:
    __slots__ = ("x",)
class W:
    __slots__ = ("x", "__weakref__")
try:
    weakref.ref(S())
except TypeError as e:
    print(e)
w = W()
print(weakref.ref(w)() is w)
