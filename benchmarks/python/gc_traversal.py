"""gc_traversal: a collection that finds nothing to free in a deep, wide web of lists (pyperformance's gc_traversal).

The list at level n holds n references to the list at level n-1, for 1,000 levels, all kept alive: about 500,000
references for the collector to traverse. The timed region is one gc.collect(), which must return 0 (None under PyPy, whose gc.collect() returns nothing).
"""
import gc
import sys
import time

LEVELS = 1000


def make_levels(levels):
    current = []
    for n in range(levels):
        next_level = [None] * n
        for index in range(n):
            next_level[index] = current
        current = next_level
    return current


def main():
    levels = 300 if "--quick" in sys.argv[1:] else LEVELS
    top = make_levels(levels)
    gc.collect()
    start = time.perf_counter()
    collected = gc.collect()
    elapsed = time.perf_counter() - start
    if collected != 0 and not (collected is None and sys.implementation.name == "pypy"):
        raise SystemExit("gc_traversal: gc.collect() returned " + str(collected) + ", expected 0")
    if len(top) != levels - 1:
        raise SystemExit("gc_traversal: the top level holds " + str(len(top)) + " references")
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
