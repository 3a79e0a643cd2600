import gc
print(gc.collect(generation=2) >= 0)
