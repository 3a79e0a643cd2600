def f(x):
    return x.upper()
result = f(1)
