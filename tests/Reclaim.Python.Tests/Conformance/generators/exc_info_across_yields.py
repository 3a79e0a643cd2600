# sys.exc_info() inside a generator is its own while suspended in a handler, and the caller's is restored.
import sys

def g():
    try:
        raise KeyError("gen")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]

it = g()
try:
    raise ValueError("caller")
except ValueError:
    print(repr(next(it)))
    print(repr(sys.exc_info()[1]))
print(repr(next(it)))
print(repr(sys.exc_info()[1]))
print(repr(next(it)))

def reraiser():
    try:
        yield
    except ZeroDivisionError:
        raise
it = reraiser()
next(it)
try:
    it.throw(ZeroDivisionError("zd"))
except ZeroDivisionError as e:
    print("re-raised", e, e.__context__)
