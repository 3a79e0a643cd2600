import gc
d = {}
print(gc.is_tracked(d))
d["a"] = 1
d["b"] = "text"
print(gc.is_tracked(d))
d["c"] = []
print(gc.is_tracked(d))
print(gc.is_tracked({1: (1, 2)}), gc.is_tracked({1: ()}))
print(gc.is_tracked({"k": {}}), gc.is_tracked({(): 1}))
class A: pass
print(gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(len), gc.is_tracked(lambda: 0))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(2 ** 100), gc.is_tracked(1.5))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(()))
