# set and frozenset's operator methods: only between two sets, reflected forms with the other operand first, the
# result's type from the left operand, frozenset's |= making a new object.
print(frozenset.__or__(frozenset({1}), {2}), set.__and__({1, 2, 9}, frozenset({9, 1})), set.__sub__({5, 6}, {6}), set.__xor__({1}, {2}))
print(set.__ror__({1}, {33, 65}), frozenset.__rsub__(frozenset({1}), {1, 2}), set.__or__({1}, [2]), set.__rand__({1}, 5))
print({1, 2} | frozenset({3}), frozenset({3}) | {1, 2}, type({1} | frozenset()).__name__, type(frozenset() | {1}).__name__)
f = frozenset({1})
g = f
f |= {2}
print(f, g, f is g)
s = {1}
t = s
s |= {2}
print(s is t, s)
class S(set):
    pass
print(type(S({1}) | {2}).__name__, type({2} | S({1})).__name__, S({1}) | S({9}))
try:
    {1} | [2]
except TypeError as e:
    print(e)
try:
    [2] - {1}
except TypeError as e:
    print(e)


# A subclass of set has its own operator methods called.
class S(set):
    def __or__(self, other):
        return "S.__or__"
    def __rsub__(self, other):
        return "S.__rsub__"
class T(set):
    pass
print(S({1}) | {2}, {1} - S({2}), {2} | S({1}), S({1}) - {1})
print(T({3, 1}) | T({2}), type(T({1}) & {1}).__name__, {1} ^ T({2}))
