# Subclasses of int, float and str: the instance is of the subclass, carries attributes, and the base's methods and
# operators work on its value, returning the base type.
import weakref


class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


i, f, s = I(3), F(2.5), S("ab")
print(type(i).__name__, type(f).__name__, type(s).__name__)
print(isinstance(i, int), isinstance(s, str), isinstance(f, float), issubclass(I, int))
print(i, f, s, repr(i), repr(f), repr(s))
print(i + 1, type(i + 1).__name__, 1 + i, type(1 + i).__name__, i * i, -i, type(-i).__name__)
print(i == 3, 3 == i, i < 4, i != 3, hash(i) == hash(3), hash(s) == hash("ab"), s == "ab", "ab" == s)
print(f * 2, type(f * 2).__name__, s + "c", type(s + "c").__name__, s.upper(), type(s.upper()).__name__)
print(len(s), s[0], s[::-1], "a" in s, s * 2, list(s), [c for c in S("xyz")])
i.x = 5
print(i.x, i.__dict__)
d = {s: 1, i: 2}
print(d["ab"], d[S("ab")], d[3])
print(bool(I(0)), bool(S("")), bool(F(0.5)), "-".join([S("a"), "b"]), str(S("q")), type(str(S("q"))).__name__)
print(int(i), type(int(i)).__name__, float(F(1.5)), type(float(F(1.5))).__name__)
print(I(7) // 2, I(7) % 4, divmod(I(7), 2), I(5).bit_length(), abs(I(-3)), round(F(2.567), 1), I(2) ** 10)
print(sorted([S("b"), S("a")]), max(I(1), I(2)), str(I(3)), format(I(255), "x"), "{:>4}".format(S("a")))
print(f"{i}", "%s %d" % (s, i), I("12"), I("ff", 16), F("1e3"), S(42), S())
