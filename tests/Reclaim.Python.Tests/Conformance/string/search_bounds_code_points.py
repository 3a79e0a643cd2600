# find/index/count/startswith/endswith with start and end, and padding, all counted in code points.
s = "a\U0001F600b\U0001F600c"
print(len(s), s.find("b"), s.rfind("\U0001F600"), s.index("c"), s.rindex("\U0001F600"))
print(s.find("\U0001F600", 2), s.find("\U0001F600", 2, 3), s.find("\U0001F600", -2))
print(s.count("\U0001F600"), s.count("\U0001F600", 2), s.count(""), s.count("", 1, 3))
print(s.startswith("b", 2), s.startswith("\U0001F600b", 1, 3), s.endswith("b", 0, 3), s.endswith(("x", "\U0001F600"), 0, -1))
t = "abcabcabc"
print(t.find("c", 3), t.find("c", 3, 5), t.find("c", -4), t.rfind("a", 0, 6), t.find("a", None, None))
print(t.find("", 9), t.find("", 10), t.find("", 5, 2), t.rfind(""), t.rfind("", 2, 4))
print(t.count("abc", 1), t.count("", 2, 1), t.count("", 20), t.count("bc", -5, -1))
print(t.startswith("", 9), t.startswith("", 10), t.startswith("", 4, 2), t.endswith("bc", 0, 6), t.startswith(("x", "ca"), 2))
print(t.find("a", 10**30), t.find("a", -10**30), t.index("b", -3))
for bad in (lambda: t.find("a", "x"), lambda: t.index("z"), lambda: t.rindex("z", 0, 2), lambda: t.find(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
u = "\U0001F600x"
print(repr(u.ljust(5, "*")), repr(u.rjust(5)), repr(u.center(6, "-")), repr(u.center(5, "\U0001F601")))
print(repr("ab".center(5, "*")), repr("abc".center(6, "*")), repr("abc".center(5)), repr("x".center(1)))
print(repr("\U0001F600".zfill(3)), repr("-\U0001F600".zfill(4)), repr("+7".zfill(4)), repr("42".zfill(1)))
try:
    "a".ljust(3, "ab")
except TypeError as e:
    print(e)
print(len("\U0001F600".ljust(3)), "x\U0001F600y".find("y"), "x\U0001F600y".index("y", 2))
