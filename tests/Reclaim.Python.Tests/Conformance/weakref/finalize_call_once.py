import weakref
class A: pass
a = A()
f = weakref.finalize(a, lambda: print("called") or 7)
print(f())
print(f())
print(f.alive)
del a
print("done")
