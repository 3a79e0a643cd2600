a, *b, c = range(6)
print(a, b, c)
*first, last = "xyz"
print(first, last)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2})
