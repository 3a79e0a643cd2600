"""generators: recursive generators walking a balanced binary tree (pyperformance's generators).

A tree of 100,000 values, each node's __iter__ a generator that delegates to its children with `yield from`, is
walked in order several times; every walk must yield 0..99,999 in order. A deep `yield from` chain (17 levels)
resumed once per value is what costs.
"""
import sys
import time


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def build(values):
    count = len(values)
    if count == 0:
        return None
    middle = count // 2
    return Tree(build(values[:middle]), values[middle], build(values[middle + 1:]))


def walk(tree):
    expected = 0
    for value in tree:
        if value != expected:
            raise SystemExit("generators: the walk yielded " + str(value) + " where " + str(expected) + " was due")
        expected += 1
    return expected


def main():
    quick = "--quick" in sys.argv[1:]
    size = 10000 if quick else 100000
    walks = 2 if quick else 5
    if list(build(range(10))) != list(range(10)):
        raise SystemExit("generators: a ten-node tree walks out of order")
    tree = build(range(size))
    start = time.perf_counter()
    for _ in range(walks):
        if walk(tree) != size:
            raise SystemExit("generators: a walk ended early")
    elapsed = time.perf_counter() - start
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
