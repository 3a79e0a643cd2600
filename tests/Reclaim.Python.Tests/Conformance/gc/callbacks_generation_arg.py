import gc
seen = []
def cb(phase, info):
    seen.append((phase, info["generation"]))
gc.callbacks.append(cb)
gc.collect(0)
gc.collect(1)
gc.collect(2)
gc.callbacks.remove(cb)
print(seen)
