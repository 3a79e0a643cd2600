# Generators in reference cycles are collected; their finally blocks run in the collection.
import gc
gc.disable()

def selfref():
    me = yield
    try:
        yield "holding myself"
    finally:
        print("selfref finally")

g = selfref()
next(g)
print(g.send(g))
del g
print("before collect")
print("collected:", gc.collect() > 0)

class Box:
    pass

def holder(box):
    try:
        yield 1
    finally:
        print("holder finally, box alive:", box is not None)

b = Box()
b.gen = holder(b)
next(b.gen)
del b
print("collected again:", gc.collect() > 0)
gc.enable()
print("end")
