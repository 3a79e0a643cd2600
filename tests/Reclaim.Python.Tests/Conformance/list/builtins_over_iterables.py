print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])))
print(list(filter(None, [0, 1, "", "x"])), list(reversed([1, 2, 3])), any([]), all([]))
print(sum([1, 2, 3], 10), min(3, 1, 2), max("abc"), len(range(0, 10, 3)), list(range(5, 0, -2)))
