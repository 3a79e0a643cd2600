import gc
gc.collect()
results = []
gc.callbacks.append(lambda phase, info: results.append((phase, info["collected"])))
class A:
    def __del__(self): pass
for _ in range(3):
    a = A()
    a.me = a
del a
gc.collect()
gc.callbacks.clear()
print(results)
