"""fannkuch: pancake flips over every permutation of 1..n (pyperformance's fannkuch).

For each permutation of n elements, reverse the prefix whose length is the first element until the first element
is 1, and count the flips; the result is the maximum count and a checksum over all permutations. List slicing,
slice assignment and index arithmetic in a tight loop.
"""
import sys
import time


def fannkuch(n):
    permutation = list(range(n))
    counts = [0] * n
    checksum = 0
    max_flips = 0
    index = 0
    level = n
    while True:
        while level != 1:
            counts[level - 1] = level
            level -= 1

        # Count the flips of this permutation: reverse the prefix named by the first element until it is 0.
        current = permutation[:]
        flips = 0
        first = current[0]
        while first:
            current[:first + 1] = current[first::-1]
            flips += 1
            first = current[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if index % 2 == 0 else -flips

        # The next permutation: rotate the first level+1 elements, carrying into higher levels as counts run out.
        while True:
            if level == n:
                return checksum, max_flips
            moved = permutation[0]
            permutation[:level] = permutation[1:level + 1]
            permutation[level] = moved
            counts[level] -= 1
            if counts[level] > 0:
                break
            level += 1
        index += 1


def main():
    quick = "--quick" in sys.argv[1:]
    n = 7 if quick else 9
    start = time.perf_counter()
    checksum, max_flips = fannkuch(n)
    elapsed = time.perf_counter() - start
    expected = (228, 16) if quick else (8629, 30)
    if (checksum, max_flips) != expected:
        raise SystemExit("fannkuch: got " + repr((checksum, max_flips)) + ", expected " + repr(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
