"""CPython side of `reclaim bench`: builds one benchmark shape and prints its figures as one JSON object.

Usage: python3 shapes.py SHAPE SCALE

SHAPE is 1-9 as numbered in docs/benchmarks.md; SCALE multiplies the object counts (1.0 is the published
run). The object counts, ring sizes and links match the Reclaim side (src/Reclaim.Cli/Bench). Nodes use
__slots__ because a Reclaim node is a class with declared fields; shape 9 also reports a plain class.
Only the operation being compared is timed; building and tearing down the heap are not.
"""

import gc
import json
import sys
import time
import tracemalloc
import weakref

RING = 10


class Node:
    __slots__ = ("next",)


class WeakNode:
    __slots__ = ("next", "__weakref__")


class PlainNode:
    def __init__(self):
        self.next = None


finalized = 0


class FinalNode:
    __slots__ = ("next",)

    def __del__(self):
        global finalized
        finalized += 1


def count(base, scale, minimum=RING):
    """Objects for this run: a multiple of the ring size, never below one ring."""
    n = max(minimum, int(base * scale))
    return n - n % RING


def rings(objects, cls=Node):
    """objects // RING rings of RING nodes; returns the list of ring heads (the only outside references)."""
    heads = []
    append = heads.append
    for _ in range(objects // RING):
        first = cls()
        prev = first
        for _ in range(RING - 1):
            node = cls()
            prev.next = node
            prev = node
        prev.next = first
        append(first)
    return heads


def timed_collect():
    start = time.perf_counter_ns()
    gc.collect()
    return time.perf_counter_ns() - start


def shape1(scale):
    n = count(1_000_000, scale)
    heads = rings(n)
    gc.collect()
    elapsed = timed_collect()
    del heads
    return {"ns_per_object": elapsed / n}


def shape2(scale):
    n = count(1_000_000, scale)
    live = rings(n)
    gc.collect()
    garbage = rings(n)
    del garbage
    elapsed = timed_collect()
    del live
    return {"ns_per_object": elapsed / (2 * n)}


def shape3(scale):
    n = count(1_000_000, scale)
    start = time.perf_counter_ns()
    for _ in range(n):
        Node()
    return {"ns_per_object": (time.perf_counter_ns() - start) / n}


def shape5(scale):
    n = count(10_000_000, scale)
    head = Node()
    node = head
    for _ in range(n - 1):
        following = Node()
        node.next = following
        node = following
    del node, following
    start = time.perf_counter_ns()
    del head
    return {"ns_per_object": (time.perf_counter_ns() - start) / n}


def shape6(scale):
    n = count(1_000_000, scale)
    calls = [0]

    def callback(_reference):
        calls[0] += 1

    heads = rings(n, WeakNode)
    references = []
    for head in heads:
        node = head
        for _ in range(RING):
            references.append(weakref.ref(node, callback))
            node = node.next
    del head, node
    gc.collect()
    del heads
    elapsed = timed_collect()
    if calls[0] != n:
        raise SystemExit(f"shape 6: {calls[0]} callbacks ran, expected {n}")
    return {"ns_per_object": elapsed / n}


def shape7(scale):
    global finalized
    n = count(100_000, scale)
    heads = rings(n, FinalNode)
    gc.collect()
    finalized = 0
    del heads
    elapsed = timed_collect()
    if finalized != n:
        raise SystemExit(f"shape 7: {finalized} finalizers ran, expected {n}")
    return {"ns_per_object": elapsed / n}


def bytes_per_object(n, cls):
    gc.collect()
    tracemalloc.start()
    heads = rings(n, cls)
    gc.collect()
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del heads
    return used / n


def shape9(scale):
    n = count(1_000_000, scale)
    return {"bytes_per_object": bytes_per_object(n, Node), "plain_bytes_per_object": bytes_per_object(n, PlainNode)}


SHAPES = {1: shape1, 2: shape2, 3: shape3, 5: shape5, 6: shape6, 7: shape7, 9: shape9}


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) not in SHAPES:
        sys.stderr.write(f"usage: shapes.py SHAPE SCALE (SHAPE one of {sorted(SHAPES)})\n")
        return 2
    shape = int(argv[1])
    scale = float(argv[2])
    # Building is not measured, and automatic collections while building would only slow it down.
    gc.disable()
    figures = SHAPES[shape](scale)
    figures["python"] = sys.version.split()[0]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
