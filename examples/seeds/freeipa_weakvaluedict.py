# Seed 001, bpo-38006 (FreeIPA): a WeakValueDictionary whose values reach back to the dictionary, so the
# dictionary, its remove() callback and the values are cyclic trash together. CPython 3.8b4 cleared the
# callback and then called it when a value died: a segfault at exit. The fixed collector never calls a
# weak-reference callback that is itself trash; the values' finalizers still run, once.
import gc
import weakref

class TypeDescr:
    def __init__(self, name, cache):
        self.name = name
        self.fields = {"C_Initialize": cache}   # a value that reaches back to its cache
        self.me = self                          # and is in a cycle of its own
    def __del__(self):
        print("finalizing", self.name)

def build(tag):
    cache = weakref.WeakValueDictionary()
    for name in ("CK_SESSION", "CK_SLOT"):
        descr = TypeDescr(f"{tag}:{name}", cache)
        cache[name] = descr
    return cache

cache = build("collected")
print("entries:", sorted(cache.keys()))
cache = None
print("collect finds trash:", gc.collect() > 0)
print("again:", gc.collect())

at_exit = build("at-exit")
print("left for shutdown:", sorted(at_exit.keys()))
print("exit")
