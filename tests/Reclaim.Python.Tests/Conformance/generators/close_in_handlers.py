# close() while suspended in an except handler, a finally block, a with body or a for loop.
import sys

class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit sees", t.__name__ if t else None)

def in_handler():
    try:
        raise ValueError("handled")
    except ValueError:
        yield sys.exc_info()[0].__name__
        print("never")

def in_finally():
    try:
        yield "body"
    finally:
        yield "finally"
        print("resumed in finally")

def in_with():
    with CM():
        yield "with"

def in_for():
    for i in range(10):
        try:
            yield i
        except GeneratorExit:
            print("GeneratorExit at", i)
            raise

it = in_handler()
print(next(it))
print("outside handler:", sys.exc_info()[0])
it.close()
print("closed in handler")

it = in_finally()
print(next(it), next(it))
try:
    it.close()
except RuntimeError as e:
    print("RuntimeError:", e)

it = in_with()
next(it)
it.close()

it = in_for()
next(it); next(it)
it.close()
print(it.gi_frame)
