import gc
def cb(phase, info):
    if phase == "start":
        raise KeyError("cb")
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print("continues")
