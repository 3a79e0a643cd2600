# A set as the key of in/remove/discard is looked up as the equal frozenset; adding one stays an error.
s = {frozenset({1}), frozenset({2, 3}), 5}
print({1} in s, {3, 2} in s, {4} in s, set() in s)
s.discard({2, 3})
print(s)
s.remove({1})
print(s)
try:
    s.remove({9})
except KeyError as e:
    print("KeyError", e)
try:
    s.add({1})
except TypeError as e:
    print(e)
try:
    print([1] in s)
except TypeError as e:
    print(e)
print(hash(frozenset({frozenset({1}), 2, (3, 4)})))
