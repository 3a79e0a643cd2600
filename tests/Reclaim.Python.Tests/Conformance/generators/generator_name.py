def gen(): yield
g = gen()
print(g.__name__, g.__qualname__, type(g).__name__)
