"""recursion: deep Python recursion, the interpreter's frames and its limit.

Recursive functions go 5,000 frames deep (under a limit raised to 12,000) many times over: a plain recursive sum,
mutual recursion, a recursive tree build and walk, and one descent that runs into the limit and must raise
RecursionError, caught and survived. Every result is checked.
"""
import sys
import time

DEPTH = 5000


def sum_down(n):
    if n == 0:
        return 0
    return n + sum_down(n - 1)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def build(depth):
    if depth == 0:
        return None
    return (depth, build(depth - 1))


def length(chain):
    return 0 if chain is None else 1 + length(chain[1])


def bottomless(n):
    return bottomless(n + 1) + 1


def run(rounds):
    total = 0
    for round_number in range(rounds):
        total += sum_down(DEPTH)
        if not is_even(DEPTH - (round_number % 2)) and round_number % 2 == 0:
            raise SystemExit("recursion: is_even(" + str(DEPTH) + ") said no")
        total += length(build(DEPTH // 5))
    try:
        bottomless(0)
    except RecursionError:
        total += 1
    return total


def main():
    rounds = 20 if "--quick" in sys.argv[1:] else 200
    sys.setrecursionlimit(12000)
    start = time.perf_counter()
    total = run(rounds)
    elapsed = time.perf_counter() - start
    expected = rounds * (DEPTH * (DEPTH + 1) // 2 + DEPTH // 5) + 1
    if total != expected:
        raise SystemExit("recursion: total " + str(total) + ", expected " + str(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
