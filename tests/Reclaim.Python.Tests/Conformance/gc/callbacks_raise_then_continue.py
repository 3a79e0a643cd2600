import gc
seen = []
def bad(phase, info):
    raise ValueError(phase)
def good(phase, info):
    seen.append((phase, info["generation"]))
gc.callbacks.extend([bad, good])
gc.collect(1)
gc.callbacks.clear()
print(seen)
