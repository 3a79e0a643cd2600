# Conditions decide a .NET bool without making Python values where no code can run (small ints, floats, identity,
# locals holding immediates, `not`, `and`/`or`): each operand's __bool__ runs exactly once, NaN and -0.0 decide as
# CPython does, and a failing truth test points where CPython's conditional jumps point (the comparison, or the
# enclosing statement or conditional expression).

calls = []


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        calls.append(self.v)
        if self.v == "raise":
            raise ValueError("no truth")
        return bool(self.v)


class C:
    def __lt__(self, other):
        return B("raise")

    def __eq__(self, other):
        return B(other)


def run(name, f):
    calls.clear()
    try:
        result = f()
    except ValueError as e:
        tb = e.__traceback__.tb_next
        result = "ValueError at line " + str(tb.tb_lineno) + " of " + tb.tb_frame.f_code.co_name
    print(name, result, calls)


def and_falsy():
    if B(0) and B(1):
        return "yes"
    return "no"


def or_truthy():
    return "yes" if B(1) or B(0) else "no"


def nested():
    if (B(0) and B(1)) or (B(2) and not B("")):
        return "yes"
    return "no"


def not_not():
    return [1 if not B(0) else 0, 1 if not not B(3) else 0]


def while_and():
    x, n = B(1), 0
    while x and n < 3 and not B(""):
        n += 1
    return n


def raise_last():
    if B(1) and B("raise"):
        return "yes"


def raise_first():
    if B("raise") or B(1):
        return "yes"


def raise_compare():
    if C() < 1 and B(1):
        return "yes"


def raise_compare_not():
    if not C() < 1:
        return "yes"


def raise_ifexp():
    return 1 if (B("raise") and 1) else 2


def compare_results():
    return [1 if C() == 0 else 0, 1 if C() == 5 else 0, 1 if not C() == 0 else 0]


def floats():
    nan, out = float("nan"), []
    for a, b in [(1.5, 2.5), (2.5, 1.5), (nan, 1.0), (nan, nan), (-0.0, 0.0), (1e308, float("inf"))]:
        out.append("".join("1" if c else "0" for c in [a < b, a <= b, a > b, a >= b, a == b, a != b]))
        if a:
            out.append("t")
    return out


def identity():
    none, one, empty, lst = None, 1, [], [1]
    out = []
    for x in [none, one, empty, lst, 0, 0.0, -0.0, "", "s", False, True, 2**70]:
        out.append(("none" if x is None else "") + ("notnone" if x is not None else "") + ("T" if x else "F"))
    big = 2**70
    same = big
    out.append(big is same)
    out.append(lst is not lst)
    return out


def locals_truth():
    out = []
    for x in [0, 1, -1, 0.0, -0.0, float("nan"), None, True, False, [], [0], (), "", "a", {}, B(0), B(7)]:
        if x:
            out.append(1)
        else:
            out.append(0)
    return out


def nested_values():
    # As values, nested and/or test each operand once too: a short-circuited operand's truth is not taken again.
    return [(B(0) and B(1) or B(2)).v, ((B(1) or B(0)) and B(3)).v, ((B(0) or B(5)) and B(3)).v,
            ((B(0) and B(1)) and B(2)).v, (B("") or (B(0) or B(4))).v]


for name, f in [("nested_values", nested_values), ("and_falsy", and_falsy), ("or_truthy", or_truthy), ("nested", nested), ("not_not", not_not),
                ("while_and", while_and), ("raise_last", raise_last), ("raise_first", raise_first),
                ("raise_compare", raise_compare), ("raise_compare_not", raise_compare_not),
                ("raise_ifexp", raise_ifexp), ("compare_results", compare_results), ("floats", floats),
                ("identity", identity), ("locals_truth", locals_truth)]:
    run(name, f)


def last():
    # Uncaught, so the traceback's markers show where the failing truth test points: the comparison.
    return 1 if (B(1) and not C() < 1) else 2


last()
