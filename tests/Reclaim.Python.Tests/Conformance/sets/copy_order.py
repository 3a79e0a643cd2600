# Copies are built the way CPython copies a table: into an empty table, keeping the layout when the sizes match.
import gc
a = {x * 9 for x in range(9)}
for x in range(0, 81, 18):
    a.discard(x)
print(a)
print(a.copy(), set(a), frozenset(a), set(frozenset(a)))
b = set()
b.update(a)
print(b)
c = {1000}
c.update(a)
print(c)
d = {64, 128, 1, 65, 129}
print(d, d.copy(), set(d) | set(), set().union(d))
e = frozenset({8, 16, 24})
print(frozenset(e) is e, e.copy() is e, set(e))
print(gc.get_referents({16, 8, 0, 24}))
print(gc.get_referents(frozenset({(1, 2), (3, 4), 17})))
print(list(iter({33, 1, 65})), sorted({33, 1, 65}), max({33, 1, 65}))
print([x for x in {40, 8, 24}], tuple({40, 8, 24}), str({40, 8, 24}))
print(dict.fromkeys({100, 3, 17, -1}))
print(list(enumerate({9, 1, 17})))
print({*{40, 8, 24}, 3}, [*{40, 8, 24}])
s = {40, 8, 24}
it = iter(s)
print(next(it))
s.add(99)
try:
    next(it)
except RuntimeError as ex:
    print("RuntimeError", ex)
