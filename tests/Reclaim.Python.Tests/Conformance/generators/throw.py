def g():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
it = g()
next(it)
print(it.throw(ValueError("t")))
