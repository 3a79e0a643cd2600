import weakref
class A: pass
a = A()
f = weakref.finalize(a, print, "finalized")
print(repr(f).startswith("<finalize object at 0x"), "for 'A' at 0x" in repr(f))
print(f.alive)
del a
print(f.alive, repr(f).endswith("; dead>"))
print(f())
