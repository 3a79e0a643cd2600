# KeyError of d[k], IndexError of seq[i] and StopIteration of a hand-written __next__ are handed back without a
# .NET throw; what Python sees (handlers, __context__, tracebacks, finally blocks) must not change.


def lookup(d, k):
    return d[k]


def index(seq, i):
    x = seq[i]
    return x


class Countdown:
    def __init__(self, n, fail_at=None):
        self.n = n
        self.fail_at = fail_at

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == self.fail_at:
            raise ValueError("broken at " + str(self.n))
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Missing(dict):
    def __missing__(self, key):
        return "missing " + repr(key)


for d, k in [({}, "a"), ({"a": 1}, "a"), ({1: 2}, 1.0), (Missing(), "z")]:
    try:
        print("value", lookup(d, k))
    except KeyError as e:
        print("KeyError", repr(e), e.args)
for seq, i in [([1, 2], 5), ((1, 2), -3), ([1, 2], -1), ((), 0), ("ab", 9)]:
    try:
        print("value", index(seq, i))
    except IndexError as e:
        print("IndexError", e)

try:
    {}[[1]]
except TypeError as e:
    print("TypeError", e)

try:
    try:
        raise RuntimeError("first")
    except RuntimeError:
        lookup({}, "second")
except KeyError as e:
    print("context", repr(e.__context__))

print(list(Countdown(3)))
try:
    for v in Countdown(4, fail_at=2):
        print("got", v)
except ValueError as e:
    print("ValueError", e)


def in_finally():
    try:
        raise OSError("pending")
    finally:
        print("finally sees", list(Countdown(2)))
        try:
            {}["x"]
        except KeyError as e:
            print("caught in finally", e)


try:
    in_finally()
except OSError as e:
    print("OSError", e, e.__context__)



def lines(e):
    tb = e.__traceback__
    found = []
    while tb is not None:
        found.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return found


try:
    lookup({"b": 1}, "a")
except KeyError as e:
    print(lines(e))
try:
    index([0], 3)
except IndexError as e:
    print(lines(e))

total = 0
for step in range(2000):
    try:
        total += {step: 1}[step + (step % 2)]
    except KeyError:
        total += 10
print("total", total)
lookup({}, "uncaught")
