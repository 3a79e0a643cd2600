import gc
def g():
    try:
        yield 1
    finally:
        print("finally in cycle")
class H: pass
h = H()
h.gen = g()
h.gen_ref = h
next(h.gen)
del h
gc.collect()
print("done")
