fns = [lambda: i for i in range(3)]
print([f() for f in fns])
gens = list((lambda i=i: i) for i in range(3))
print([f() for f in gens])
