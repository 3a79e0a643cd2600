"""spectral_norm: the largest singular value of an infinite matrix, by power iteration (pyperformance's spectral_norm).

A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1). Ten rounds of v = AᵀA u on vectors of 200 floats; the estimate
sqrt(u·v / v·v) must match the reference to twelve digits.
"""
import sys
import time


def matrix_entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(vector, transposed):
    n = len(vector)
    result = [0.0] * n
    for i in range(n):
        total = 0.0
        for j in range(n):
            if transposed:
                total += matrix_entry(j, i) * vector[j]
            else:
                total += matrix_entry(i, j) * vector[j]
        result[i] = total
    return result


def times_transpose_times(vector):
    return times(times(vector, False), True)


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_transpose_times(u)
        u = times_transpose_times(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


def main():
    quick = "--quick" in sys.argv[1:]
    n = 40 if quick else 200
    start = time.perf_counter()
    result = spectral_norm(n)
    elapsed = time.perf_counter() - start
    expected = 1.2741672876292667 if quick else 1.2742236013532107
    if abs(result - expected) > 1e-12:
        raise SystemExit("spectral_norm: got " + repr(result) + ", expected " + repr(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
