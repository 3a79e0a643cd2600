"""nqueens: every way to place n queens on an n×n board, by filtering permutations (pyperformance's nqueens).

Each permutation of the columns is a placement with one queen per row and column; a placement is a solution when
the queens' diagonals are all distinct (two set comprehensions per candidate). The program has no itertools, so
the permutations come from a recursive generator of its own. 8 queens: 92 solutions.
"""
import sys
import time


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for index in range(len(items)):
        rest = items[:index] + items[index + 1:]
        for tail in permutations(rest):
            yield [items[index]] + tail


def solutions(n):
    columns = list(range(n))
    for placement in permutations(columns):
        if n == len(set(placement[row] + row for row in columns)) == len(set(placement[row] - row for row in columns)):
            yield tuple(placement)


def main():
    quick = "--quick" in sys.argv[1:]
    n = 6 if quick else 8
    start = time.perf_counter()
    found = list(solutions(n))
    elapsed = time.perf_counter() - start
    expected = 4 if quick else 92
    if len(found) != expected or len(set(found)) != expected:
        raise SystemExit("nqueens: found " + str(len(found)) + " solutions, expected " + str(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
