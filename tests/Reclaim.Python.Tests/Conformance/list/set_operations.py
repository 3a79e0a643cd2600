a = {1, 2, 3}
b = {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= {1, 2, 3, 4})
fs = frozenset([1, 2])
print(sorted(fs), fs == {1, 2}, len({fs}))
a.discard(10)
try:
    a.remove(10)
except KeyError as e:
    print("KeyError", e)
