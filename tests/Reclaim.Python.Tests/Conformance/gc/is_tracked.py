import gc
class A: pass
print(gc.is_tracked(0))
print(gc.is_tracked("a"))
print(gc.is_tracked(None))
print(gc.is_tracked([]))
print(gc.is_tracked(A()))
print(gc.is_tracked(A))
print(gc.is_tracked(1.5))
print(gc.is_tracked(lambda: 0))
