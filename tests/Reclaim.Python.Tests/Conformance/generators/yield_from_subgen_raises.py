# A sub-generator that raises: the exception passes through yield from (PEP 380).
def inner():
    yield 1
    raise ValueError("from inner")

def outer():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", e)
        yield "recovered"
    yield "after"

print(list(outer()))

def outer2():
    r = yield from inner()
    print("never", r)

it = outer2()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("propagated:", e)
print(it.gi_frame)
