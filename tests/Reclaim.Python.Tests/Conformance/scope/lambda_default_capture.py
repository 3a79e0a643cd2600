adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
