# The named set methods accept any iterable; the operators need sets.
s = {1, 2, 3}
print(sorted(s.union([4], (5,))), sorted(s.intersection(range(2, 10))), sorted(s.difference([1], [2])))
print(sorted(s.symmetric_difference([3, 4])), s.issubset(range(5)), s.issuperset([1, 2]), s.isdisjoint("ab"))
t = set("abc")
t.update("cd", ["e"])
t.difference_update("a")
t.intersection_update("bcdef")
t.symmetric_difference_update({"b", "z"})
print(sorted(t))
try:
    s | [4]
except TypeError as e:
    print("TypeError", e)
u = {1}
u |= {2}
u &= {2, 3}
u -= set()
u ^= {9}
print(sorted(u), sorted(s.copy()), type(frozenset([1]).copy()).__name__)
e = set()
try:
    e.pop()
except KeyError as err:
    print("KeyError", err)
print({5}.pop(), len(e))
