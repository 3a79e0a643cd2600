# Elements with their own __hash__/__eq__: the table order follows their hashes, and an __eq__ that changes the set
# during a look-up makes the look-up start over.
class H:
    def __init__(self, h, name):
        self.h = h
        self.name = name

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, H) and self.name == other.name

    def __repr__(self):
        return self.name


s = {H(5, "a"), H(13, "b"), H(5, "c"), H(-1, "d"), H(-2, "e"), H(2 ** 63 - 1, "f"), H(2 ** 70, "g")}
print(s)
s.discard(H(13, "b"))
s.add(H(21, "h"))
print(s, H(5, "c") in s, H(5, "z") in s)
print([hash(x) for x in s])


class Clearing:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if self.target is not None:
            self.target.clear()
            self.target = None
        return False


t = {1, 9}
t.add(Clearing(t))
print(len(t))
t2 = {1}
m = Clearing(t2)
t2.add(m)
print(m in t2, 17 in t2, len(t2))

calls = []


class Loud:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 3

    def __eq__(self, other):
        calls.append((self.v, other.v if isinstance(other, Loud) else other))
        return isinstance(other, Loud) and self.v == other.v


loud = {Loud(1), Loud(2), Loud(3)}
print(len(loud), calls)
calls.clear()
print(Loud(2) in loud, calls)
calls.clear()
loud.discard(Loud(1))
loud.add(Loud(4))
print(calls)
print({frozenset({1, 2}), frozenset({2, 1}), frozenset({3})} == {frozenset({3}), frozenset({1, 2})})
print({frozenset({1, 2}): "x"}[frozenset([2, 1])], hash(frozenset({frozenset({1}), frozenset({2})})))
print({1, 2}.issubset([1, 2, 3]), {1, 2}.isdisjoint((3,)), {1} < {1, 2}, {1, 2} >= {2})
f = frozenset(range(5))
print(f.union(), f.intersection(), f.difference(), type(f.union()).__name__, f.union() is f, f.copy() is f)
print({1, 2, 3}.intersection({1: "a", 2: "b"}), {5, 1, 9}.difference({1: 0}), {5, 1, 9}.symmetric_difference({1: 0, 7: 0}))
s = set(range(10))
it = iter(s)
s.remove(3)
s.add(3)
print(list(it))
try:
    {[]}
except TypeError as e:
    print(e)
try:
    set().remove([1])
except TypeError as e:
    print(e)
