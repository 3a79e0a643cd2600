# Seed 000 (a JIT's global-name cache holding raw pointers to globals and builtins across Py_FinalizeEx), in
# Python: an object whose finalizer runs while __main__ is being torn down looks up a global and a builtin
# through a cache of its own. In Reclaim every such reference is counted, so nothing it reads has been freed.
import gc

LIMIT = 3

class NameCache:
    def __init__(self, namespace):
        self.namespace = namespace              # a strong reference to the module's globals: a cycle
        self.hits = 0
    def lookup(self, name):
        self.hits += 1
        if name in self.namespace:
            return self.namespace[name]
        return getattr(self.namespace["__builtins__"], name)

class Watcher:
    def __init__(self, cache):
        self.cache = cache
    def __del__(self):
        length = self.cache.lookup("len")
        limit = self.cache.lookup("LIMIT")
        print("watcher finalized: len is", length.__name__, "LIMIT is", limit, "hits", self.cache.hits)

cache = NameCache(globals())
watcher = Watcher(cache)
print("lookup during run:", cache.lookup("LIMIT"), cache.lookup("len")("abc"))
print("collect:", gc.collect())
print("exit")
