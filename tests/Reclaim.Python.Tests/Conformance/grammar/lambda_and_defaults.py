f = lambda a, b=2, *args, c=3, **kw: (a, b, args, c, kw)
print(f(1), f(1, 5, 6, c=7, d=8))
