# hash() of floats and tuples as CPython computes them (floats as the fraction they equal modulo 2**61 - 1, tuples by
# the xxHash-style mix). (Sets still iterate in insertion order, not in CPython's table order: docs/python.md.)
floats = [0.0, -0.0, 0.5, 1.5, -2.5, 0.1, 1e-300, 5e-324, 1e300, -1e300, 2.0 ** 70, 3.0, -1.0,
          float("inf"), float("-inf"), 1 / 3, 123456.789, -0.000123]
for f in floats:
    print(repr(f), hash(f))
print(hash(2.0 ** 70) == hash(2 ** 70), hash(-7.0) == hash(-7), hash(0.5) == 2 ** 60, hash(0.25) == 2 ** 59)
tuples = [(), (1,), (1, 2), (2, 1), (1.5, -1), ((1, 2), 3), (-1,), (2 ** 70,), (False, True, 0.25), (-2,), (-1, -2)]
for t in tuples:
    print(t, hash(t))
print(list({1.5: "a", 0.1: "b", 2.75: "c", (1, 2.5): "d"}))
