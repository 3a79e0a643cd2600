log = []
def g(name):
    try:
        yield name
    finally:
        print("finally", name)
a = g("a"); b = g("b")
next(a); next(b)
del a
del b
