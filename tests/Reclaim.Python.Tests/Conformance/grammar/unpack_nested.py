(a, (b, c)), d = (1, (2, 3)), 4
print(a, b, c, d)
for x, (y, z) in [(1, (2, 3))]:
    print(x, y, z)
