"""float: many small objects of float arithmetic (the shape of pyperformance's float).

Makes 100,000 points from sin/cos of their index, normalises each, then folds them into one point holding the
maximum of each coordinate. Each point is a class instance with three float attributes, so the run is mostly
allocation, attribute stores and float operations; the folded maximum must match the reference.
"""
import math
import sys
import time


class Point:
    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def fold_maximum(points):
    best = points[0]
    for point in points[1:]:
        best.maximize(point)
    return best


def run(count):
    points = [None] * count
    for i in range(count):
        points[i] = Point(i)
    for point in points:
        point.normalize()
    return fold_maximum(points)


def main():
    quick = "--quick" in sys.argv[1:]
    count = 10000 if quick else 100000
    start = time.perf_counter()
    best = None
    for _ in range(1 if quick else 3):
        best = run(count)
    elapsed = time.perf_counter() - start
    expected = (0.8943870342151542, 1.0, 0.44719064873006503) if quick else (0.8944271890997864, 1.0, 0.4472135954456972)
    # A tolerance, not equality: math.sin and math.cos may differ from the C library's in the last bit.
    if max(abs(best.x - expected[0]), abs(best.y - expected[1]), abs(best.z - expected[2])) > 1e-12:
        raise SystemExit("float: the maximum point is " + repr((best.x, best.y, best.z)) + ", expected " + repr(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
