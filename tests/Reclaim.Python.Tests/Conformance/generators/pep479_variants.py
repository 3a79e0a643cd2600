# PEP 479: StopIteration escaping a generator frame becomes RuntimeError, with the original as __cause__.
def direct():
    yield 1
    raise StopIteration

def via_next():
    it = iter([])
    yield next(it)

def subclass():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop("mine")

for f in (direct, via_next, subclass):
    try:
        print(list(f()))
    except RuntimeError as e:
        print(f.__name__, "->", e, "| cause:", type(e.__cause__).__name__, "| suppress:", e.__suppress_context__)

def fine():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside is fine"
    return "ret"

print(list(fine()))

def thrown():
    yield 1
it = thrown()
next(it)
try:
    it.throw(StopIteration("in"))
except RuntimeError as e:
    print("throw StopIteration ->", e)
