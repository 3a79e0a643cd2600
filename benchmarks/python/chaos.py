"""chaos: a chaos game drawn along curves, class-heavy floating point (in the manner of pyperformance's chaos).

Three cubic Bézier curves (a Curve class evaluated by de Casteljau's construction on a Vector class with operator
overloading) define the attractor. Each step picks a curve and a segment of it by a small LCG, maps the current
point into that segment — the curve's point plus an offset along its normal, found from a nearby point — and plots
it on a 256×256 grid of lists. Every operation is a method call, an allocation of a small object, or float
arithmetic with only +, -, *, / and sqrt, so every interpreter must plot the same pixels; the count and a checksum
of the plotted pixels are checked.
"""
import math
import sys
import time

SIZE = 256
THICKNESS = 0.25


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, factor):
        return Vector(self.x * factor, self.y * factor)

    __rmul__ = __mul__

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def between(self, other, t):
        return self * (1.0 - t) + other * t


class Curve:
    def __init__(self, points):
        self.points = points

    def __call__(self, t):
        points = self.points
        while len(points) > 1:
            points = [points[i].between(points[i + 1], t) for i in range(len(points) - 1)]
        return points[0]

    def arc_length(self, steps):
        total = 0.0
        previous = self(0.0)
        for step in range(1, steps + 1):
            current = self(step / steps)
            total += (current - previous).length()
            previous = current
        return total


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


class ChaosGame:
    def __init__(self, curves, thickness):
        self.curves = curves
        self.thickness = thickness
        xs = [p.x for curve in curves for p in curve.points]
        ys = [p.y for curve in curves for p in curve.points]
        self.low = Vector(min(xs), min(ys))
        self.high = Vector(max(xs), max(ys))
        self.width = self.high.x - self.low.x
        self.height = self.high.y - self.low.y
        longest = thickness * self.width / self.height
        self.segments = [max(1, int(curve.arc_length(200) / longest * 1.5)) for curve in curves]
        self.total = sum(self.segments)

    def pick(self, rng):
        choice = rng.below(self.total)
        for index, count in enumerate(self.segments):
            if choice < count:
                return index, choice
            choice -= count
        raise AssertionError("a choice past the last segment")

    def transform(self, point, rng):
        curve_index, segment = self.pick(rng)
        curve = self.curves[curve_index]
        u = (point.x - self.low.x) / self.width
        v = (point.y - self.low.y) / self.height
        span = 1.0 / self.segments[curve_index]
        t = span * segment + span * u
        base = curve(t)
        step = 1.0 / 50000
        neighbour = curve(t - step) if t + step > 1.0 else curve(t + step)
        tangent = base - neighbour if t + step <= 1.0 else neighbour - base
        size = tangent.length()
        if size != 0.0:
            base = base + Vector(tangent.y / size, -tangent.x / size) * ((v - 0.5) * self.thickness)
        return self.clamp(base)

    def clamp(self, point):
        return Vector(min(max(point.x, self.low.x), self.high.x), min(max(point.y, self.low.y), self.high.y))

    def draw(self, iterations, rng):
        grid = [[0] * SIZE for _ in range(SIZE)]
        point = (self.low + self.high) * 0.5
        for _ in range(iterations):
            point = self.transform(point, rng)
            column = min(int((point.x - self.low.x) / self.width * SIZE), SIZE - 1)
            row = min(int((point.y - self.low.y) / self.height * SIZE), SIZE - 1)
            grid[column][SIZE - 1 - row] = 1
        return grid


def make_curves():
    return [
        Curve([Vector(1.597, 3.304), Vector(1.576, 4.123), Vector(1.313, 5.288), Vector(2.890, 5.503)]),
        Curve([Vector(2.804, 4.017), Vector(2.550, 3.525), Vector(1.979, 2.620), Vector(1.900, 2.500)]),
        Curve([Vector(2.002, 4.011), Vector(2.335, 3.313), Vector(2.367, 3.233), Vector(2.500, 3.100)]),
    ]


def main():
    iterations = 3000 if "--quick" in sys.argv[1:] else 30000
    start = time.perf_counter()
    game = ChaosGame(make_curves(), THICKNESS)
    grid = game.draw(iterations, Lcg(1234))
    elapsed = time.perf_counter() - start
    plotted = 0
    checksum = 0
    for column in range(SIZE):
        for row in range(SIZE):
            if grid[column][row]:
                plotted += 1
                checksum = (checksum * 31 + column * SIZE + row) % 1000000007
    expected = (2411, 870594343) if iterations == 3000 else (6561, 43736481)
    if game.segments != [33, 20, 11] or (plotted, checksum) != expected:
        raise SystemExit("chaos: segments " + repr(game.segments) + ", plotted and checksum " + repr((plotted, checksum))
                         + ", expected [33, 20, 11] and " + repr(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
