import gc
calls = []
def cb(phase, info):
    calls.append(phase)
    if phase == "stop":
        gc.callbacks.remove(cb)
gc.callbacks.append(cb)
gc.collect()
gc.collect()
print(calls)
