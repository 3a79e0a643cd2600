def g():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
it = g()
print(next(it))
it = None
print("done")
