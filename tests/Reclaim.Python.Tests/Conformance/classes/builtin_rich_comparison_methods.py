# str, list and tuple have their own __eq__/__ne__/__lt__/__le__/__gt__/__ge__: explicit calls compare equal values
# (not identities) and return NotImplemented for other kinds, and subclasses without their own compare as the base.
class L(list): pass
class S(str): pass
class T(tuple): pass
print(L([1]) == L([1]), L([1]) == [1], [1] == L([1]), L([1]) < L([2]), S('a') == S('a'), S('a') < 'b', T((1,)) == (1,), T((1,)) < T((2,)))
print('ab'.__eq__(''.join(['a','b'])), [1].__eq__([1]), (1,).__lt__((2,)), 'a'.__lt__(1), [1].__eq__((1,)), [1].__ne__([2]))
print(sorted([L([3]), L([1]), L([2])]), sorted([S('b'), S('a')]), max(T((1, 2)), T((1, 3))))
for op in ["L([1]) < (1,)", "[1] <= L([1])", "T((1,)) >= (0,)", "'a' > S('b')"]:
    try:
        print(op, eval(op))
    except TypeError as e:
        print(op, "TypeError", e)
class Q(list):
    def __eq__(self, other):
        return "custom"
print(Q() == [], [] == Q(), Q() != [])
print(str.__eq__('a', 'a'), list.__lt__([1], [1, 0]), tuple.__ge__((2,), (1, 9)))
print(sorted(dir(str)) == sorted(set(dir(str))), '__lt__' in dir(list), '__ge__' in dir(tuple))
