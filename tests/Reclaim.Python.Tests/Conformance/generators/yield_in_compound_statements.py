# yield inside if/elif/else, while/else, for/else, nested try/except/else/finally and with.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return t is KeyError

def g(n):
    for i in range(n):
        if i % 2:
            yield ("odd", i)
        elif i == 0:
            yield ("zero", i)
        else:
            yield ("even", i)
    else:
        yield "for-else"
    k = 0
    while k < 2:
        k += 1
        yield ("while", k)
    else:
        yield "while-else"
    try:
        try:
            yield "try"
            raise KeyError("inner")
        except KeyError as e:
            yield ("except", str(e))
        else:
            yield "not here"
        finally:
            yield "inner finally"
    finally:
        yield "outer finally"
    with CM("a") as a, CM("b") as b:
        yield ("with", a, b)
        raise KeyError("suppressed by b")
    yield "after with"
    for j in range(3):
        if j == 1:
            continue
        if j == 2:
            break
        yield ("loop", j)

for v in g(3):
    print(v)
