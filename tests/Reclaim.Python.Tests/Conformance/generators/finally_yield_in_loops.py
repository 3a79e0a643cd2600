# A yield in a finally block inside loops and nested try statements: each iteration starts its try afresh.
def a():
    for i in range(2):
        try:
            yield i
        finally:
            yield -i
print(list(a()))
def b():
    for i in range(2):
        try:
            try:
                yield i
            finally:
                yield -i - 10
        except Exception:
            pass
print(list(b()))
def c():
    try:
        try:
            yield 1
        finally:
            yield 2
    except Exception:
        pass
    yield 3
print(list(c()))
