# yield in a while test, a generator lambda, default values, augmented assignment, decorators; closures and super().
def w():
    n = 0
    while (yield n) != "stop":
        n += 1
it = w(); print(next(it), it.send(1), it.send(2))
try: it.send("stop")
except StopIteration: print("stopped")
f = lambda: (yield 5)
print(list(f()))
def dflt():
    def inner(a=(yield "default")):
        return a
    yield inner()
it = dflt(); print(next(it)); print(it.send("D"))
def aug():
    x = [1]
    x[0] += yield "aug"
    print(x)
it = aug(); next(it)
try: it.send(10)
except StopIteration: pass
def deco():
    @(yield "d")
    def h(): pass
    yield h
it = deco(); next(it); print(it.send(lambda fn: "decorated"))
import gc
def gg(): yield 1
x = gg()
print(gc.is_tracked(x), len(gc.get_referents(x)) >= 0)
def uses_super():
    class A:
        def m(self): yield "A"
    class B(A):
        def m(self):
            yield from super().m()
            yield "B"
    return list(B().m())
print(uses_super())
def closure():
    v = 1
    def get(): return v
    yield get()
    v = 2
    yield get()
print(list(closure()))
def deep_try():
    for i in range(2):
        try:
            try:
                yield i
            finally:
                yield -i
        except Exception:
            pass
print(list(deep_try()))
def ret_in_finally():
    try:
        return "r"
    finally:
        yield "f"
it = ret_in_finally(); print(next(it))
try: next(it)
except StopIteration as e: print("value", e.value)
