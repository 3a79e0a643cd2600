people = [("bob", 30), ("amy", 25), ("cat", 30), ("dan", 25)]
print(sorted(people, key=lambda p: p[1]))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
