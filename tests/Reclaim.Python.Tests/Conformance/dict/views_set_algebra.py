# Keys and items views are set-like; values views are not; views see later changes.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
print(k & {"a", "z"} == {"a"}, sorted(k | ["z"]), sorted(k - {"b"}), sorted(k ^ {"c", "q"}))
print(sorted({"b", "x"} & k), sorted(["c", "y"] - k if False else {"c", "y"} - k))
print(k == {"a", "b", "c"}, k <= {"a", "b", "c", "d"}, k.isdisjoint({"q"}), ("a", 1) in d.items(), ("a", 2) in d.items())
print(repr(k), repr(d.values()), repr(d.items()))
del d["a"]
print(len(k), list(k), 2 in d.values(), 1 in d.values())
try:
    d.values() & {1}
except TypeError as e:
    print("TypeError", e)
try:
    hash(k)
except TypeError as e:
    print("TypeError", e)
