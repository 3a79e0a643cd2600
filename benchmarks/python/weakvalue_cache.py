"""weakvalue_cache: a WeakValueDictionary used as a cache while its values come and go.

A working set of 1,000 entries is kept alive in a ring buffer; every step looks a key up in the cache (a hit
returns the live object, a miss makes a new one and caches it) and pushes the object into the ring, which drops
the oldest one, whose cache entry then disappears by its weak reference's callback. Keys follow a small LCG, so
the hit rate is the same under every interpreter; hits, misses and the cache's final size are checked.
"""
import sys
import time
import weakref

RING = 1000
KEYS = 4000


class Entry:
    def __init__(self, key):
        self.key = key
        self.payload = [key]


def run(steps):
    cache = weakref.WeakValueDictionary()
    ring = [None] * RING
    seed = 12345
    hits = 0
    misses = 0
    for step in range(steps):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        key = seed % KEYS
        entry = cache.get(key)
        if entry is None:
            misses += 1
            entry = Entry(key)
            cache[key] = entry
        else:
            hits += 1
            if entry.key != key:
                raise SystemExit("weakvalue_cache: key " + str(key) + " returned the entry of " + str(entry.key))
        ring[step % RING] = entry
    entry = None
    alive = len(set(id(item) for item in ring if item is not None))
    return hits, misses, len(cache), alive


def main():
    quick = "--quick" in sys.argv[1:]
    steps = 40000 if quick else 400000
    start = time.perf_counter()
    hits, misses, size, alive = run(steps)
    elapsed = time.perf_counter() - start
    expected = (8743, 31257, 898) if quick else (88097, 311903, 893)
    if (hits, misses, size) != expected or size != alive:
        raise SystemExit("weakvalue_cache: hits, misses and size " + repr((hits, misses, size)) + ", expected "
                         + repr(expected) + ", with " + str(alive) + " entries alive")
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
