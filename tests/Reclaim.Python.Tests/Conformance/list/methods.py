l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0)
print(l, l.index(2), l.count(1))
l.remove(1); print(l.pop(), l.pop(0), l)
l.reverse(); print(l)
l.sort(); print(l)
print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
