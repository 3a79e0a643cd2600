t = (1, 2, 3)
print(t[1:], t + (4,), t * 2, t.index(3), t.count(1), (1,), tuple("ab"), () == tuple())
a, b = t[:2]
print(a, b, hash((1, 2)) == hash((1, 2)))
