# Operators on locals and number constants combine two numbers directly (no virtual call, no count), and augmented
# assignment to a local holding a number does the same; the results must be CPython's exactly: overflow past 64
# bits, floor division and modulo of negatives, true division, mixed int/float arithmetic and comparisons (exact
# only up to 2^53), NaN and -0.0, bools, zero divisors, unbound locals, and a value that rebinds the local.


def arith(x, y):
    out = []
    for f in (lambda: x + y, lambda: x - y, lambda: x * y, lambda: x / y, lambda: x // y, lambda: x % y,
              lambda: x & y if isinstance(x, int) and isinstance(y, int) else "-",
              lambda: x >> y if isinstance(x, int) and isinstance(y, int) and y >= 0 else "-"):
        try:
            out.append(f())
        except Exception as e:
            out.append(type(e).__name__)
    return out


def direct(x, y):
    # Both operands locals: the direct path.
    return [x + y, x - y, x * y, x < y, x <= y, x == y, x != y, x > y, x >= y]


numbers = [0, 1, -1, 7, -7, 3, 2**31, 2**53, 2**53 + 1, -2**53 - 1, 2**62, 2**63 - 1, -2**63, 0.5, -0.0, 0.0, 2.5,
           1e300, float("inf"), float("nan"), True, False, 2**70]
for x in numbers:
    for y in numbers:
        print(repr(x), repr(y), arith(x, y), direct(x, y))


def constants(x):
    return [x + 1, x - 1, x * 2, x / 2, x // 2, x % 2, 2 * x, 1 - x, x < 3, 3 < x, x == 2.0, x + 0.5, x * 1.5]


print([constants(v) for v in (0, 5, -5, 2.0, 2**63 - 1, -2**63, 2**53 + 1)])


def augmented():
    i = 2**62
    i += 2**62
    j = -2**63
    j -= 1
    f = 1.5
    f *= 4
    f /= 3
    g = 7
    g //= -2
    h = -7
    h %= 3
    k = 10
    k /= 4
    s = "ab"
    s += "cd"
    lst = [1]
    alias = lst
    lst += [2]
    x = 1
    x += (x := 5)
    b = True
    b += 1
    z = 0
    try:
        z /= 0
    except ZeroDivisionError as e:
        z = str(e)
    return [i, j, f, g, h, k, s, lst, alias is lst, x, b, z]


print(augmented())


def unbound():
    if False:
        n = 1
    return n + 1


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e, "at line", e.__traceback__.tb_next.tb_lineno)


def unbound_compare():
    if False:
        m = 1
    while m < 3:
        pass


try:
    unbound_compare()
except UnboundLocalError as e:
    print("UnboundLocalError:", e, "at line", e.__traceback__.tb_next.tb_lineno)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.v)

    def __lt__(self, other):
        return self.v < other

    def __iadd__(self, other):
        self.v += 100
        return self


def objects():
    a, b = Num(1), Num(2)
    c = a + b
    d = 3 + a
    e = a + 4
    a += 1
    return [c.v, d.v, e.v, a.v, a < 200, b < 1]


print(objects())


def loop():
    total, count, x = 0, 0, 0.0
    while count < 100000:
        total += count * 3 - 1
        x += 0.5
        count += 1
    return total, x


print(loop())


class Shifted(list):
    def __getitem__(self, i):
        return "Shifted[" + str(i) + "]"


def indexing(seq, i):
    out = [seq[i], seq[-1], seq[0]]
    try:
        out.append(seq[i + 100])
    except IndexError as e:
        out.append("IndexError: " + str(e))
    return out


print(indexing([10, 20, 30], 1), indexing((10, 20, 30), -2), indexing(Shifted([1, 2]), 0), indexing({0: "a", 1: "b", -1: "c", 101: "d"}, 1))


def unbound_container():
    if False:
        seq = []
    return seq[0]


try:
    unbound_container()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def compare_values(x, y):
    same = x == y
    less = x < y
    return [same, less, x != 2, 2.5 >= y]


print(compare_values(1, 1), compare_values(1, 2.5), compare_values(float("nan"), 2**53), compare_values(2**53 + 1, 2.0**53))

# True division of ints is correctly rounded whatever their size.
print(1 / (2**53 + 1), (2**53 + 1) / 3, 10**400 / 10**399, 2**1100 / 3**600, -(2**64 + 1) / 7, (2**63 - 1) / -(2**62 + 3))
try:
    print(2**2000 / 3)
except OverflowError as e:
    print("OverflowError:", e)
# Ints and floats compare exactly, however big the int.
print([2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, -(2**53) - 1 < -(2.0**53), 10**400 > 1e308, -10**400 < -1e308,
       10**400 < float("inf"), 2**64 == 2.0**64, (2**64 + 1) > 2.0**64, 3 == 3.0, 2**70 + 1 <= 2.0**70 + 0.5,
       float("nan") != 2**80, 2.5 > 2, -2.5 < -2, 7 >= 7.0])
