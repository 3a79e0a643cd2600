"""gc_collect: the collector frees 100 rings of 21 nodes (the shape of pyperformance's gc_collect).

Each node has two attributes, next and prev, linking it to its neighbours in its ring. The list of ring heads is
deleted, so every ring is unreachable but kept alive by its own cycle; the timed region is the one gc.collect()
that finds and frees them, and it must report every node (PyPy's gc.collect() returns None: accepted there, as
pyperformance does).
"""
import gc
import sys
import time

RINGS = 100
LINKS = 20  # nodes added after each ring's head: 21 nodes a ring


class Node:
    def __init__(self):
        self.next = None
        self.prev = None

    def link_next(self, other):
        self.next = other
        other.prev = self


def make_ring(head, links):
    current = head
    for _ in range(links):
        following = Node()
        current.link_next(following)
        current = following
    current.link_next(head)


def make_rings(rings, links):
    heads = []
    for _ in range(rings):
        head = Node()
        heads.append(head)
        make_ring(head, links)
    return heads


def main():
    # The default size is already small; --quick is accepted for the harness's sake and runs the same program.
    gc.collect()
    heads = make_rings(RINGS, LINKS)
    del heads
    start = time.perf_counter()
    collected = gc.collect()
    elapsed = time.perf_counter() - start
    expected = RINGS * (LINKS + 1)
    if collected != expected and not (collected is None and sys.implementation.name == "pypy"):
        raise SystemExit("gc_collect: gc.collect() returned " + str(collected) + ", expected " + str(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
