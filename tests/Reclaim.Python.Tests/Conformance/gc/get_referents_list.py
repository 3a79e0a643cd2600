import gc
a = [1, "two"]
b = [a, "x"]
print(gc.get_referents(b)[0] is a)
print(len(gc.get_referents(b)))
