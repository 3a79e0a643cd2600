# yield from over non-generator iterables and iterator classes; return values.
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration("unused")
        self.i += 1
        return self.i

def ret(v):
    yield "r"
    return v

def g():
    yield from [1, 2]
    yield from (x * 10 for x in range(2))
    yield from Counter(3)
    yield from "ab"
    a = yield from ret("A")
    b = yield from ret(None)
    yield (a, b)
    yield from {}

print(list(g()))

def h():
    x = yield from Counter(0)
    yield x
print(list(h()))
