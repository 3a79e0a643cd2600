import gc
gc.collect()
def make():
    def f():
        return f
    return f
f = make()
del f
print(gc.collect())
