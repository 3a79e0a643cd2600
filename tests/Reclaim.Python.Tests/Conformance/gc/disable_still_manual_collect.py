import gc
gc.disable()
l = []
l.append(l)
del l
print(gc.collect())
gc.enable()
