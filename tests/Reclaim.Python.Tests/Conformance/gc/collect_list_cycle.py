import gc
gc.collect()
l = []
l.append(l)
del l
print(gc.collect())
