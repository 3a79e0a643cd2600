import gc
keys = []
def cb(phase, info):
    keys.append(sorted(info))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.clear()
print(keys)
