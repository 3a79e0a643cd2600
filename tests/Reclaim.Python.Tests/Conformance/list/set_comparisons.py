# Subset and superset comparisons, equality across set and frozenset, frozensets as keys.
a, b = {1, 2}, {1, 2, 3}
print(a < b, a <= b, b > a, b >= a, a < a, a <= a, a == frozenset([2, 1]), a != b)
print({1, 2} < {3}, {1, 2} > {3}, {1} == [1])
f = frozenset("ab")
d = {f: "ab", frozenset(): "empty"}
print(d[frozenset("ba")], d[frozenset()], hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(sorted(f | {"c"}), type(f | {"c"}).__name__, type({"c"} | f).__name__)
try:
    {1} < [1]
except TypeError as e:
    print("TypeError", e)
try:
    hash({1})
except TypeError as e:
    print("TypeError", e)
