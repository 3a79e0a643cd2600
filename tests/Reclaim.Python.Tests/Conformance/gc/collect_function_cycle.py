import gc
gc.collect()
def f(): pass
f.attr = f
del f
print(gc.collect())
