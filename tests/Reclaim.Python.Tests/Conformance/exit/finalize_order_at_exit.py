import weakref
class A: pass
objs = [A() for _ in range(3)]
for i, o in enumerate(objs):
    weakref.finalize(o, print, "finalize", i)
print("main")
