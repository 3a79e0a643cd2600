# A call whose argument's own call raises: the function called must keep exactly its references, in every kind of
# expression around the call, and the traceback points at the argument's call.
import sys


def names(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def g():
    raise ValueError("from g")


def f(x, y=0):
    return x


class C:
    def m(self, x):
        return x


def in_return():
    return f(g())


def in_binary():
    return 1 + f(g())


c = C()
before_f = sys.getrefcount(f)
before_m = sys.getrefcount(C.m)
for attempt in range(3):
    for make in (lambda: [f(g())], lambda: -f(g()), lambda: (f(1, g()),), in_return, in_binary,
                 lambda: c.m(g()), lambda: f(y=g(), x=1)):
        try:
            make()
        except ValueError as e:
            if attempt == 0:
                print(type(e).__name__, e, names(e.__traceback__))
print(sys.getrefcount(f) - before_f, sys.getrefcount(C.m) - before_m)
print(f(f(5)), c.m(f(6)))
