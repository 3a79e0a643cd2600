# list/tuple/dict.__getitem__ called from a subclass's own __getitem__ index the built-in way (no recursion);
# sequences and str take __index__ keys; a big int key cannot fit an index.
class L(list):
    def __getitem__(self, key):
        return list.__getitem__(self, key) * 10
class T(tuple):
    def __getitem__(self, key):
        return ("T", tuple.__getitem__(self, key))
class D(dict):
    def __getitem__(self, key):
        return ("D", dict.__getitem__(self, key))
    def __missing__(self, key):
        return "missing " + repr(key)
l = L([1, 2, 3])
print(l[1], l[0:2], l[-1])
print(T((4, 5, 6))[0], T((4, 5, 6))[1:])
print(D(a=1)["a"], D(a=1)["b"])
class I:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
print([5, 6, 7][I(1)], (5, 6, 7)[I(-1)], [5, 6, 7][I(1):], "abc"[I(1)], [5, 6, 7][True])
class MyInt(int):
    pass
print([5, 6, 7][MyInt(2)], "abc"[MyInt(0)])
text, real, nothing = "x", 1.0, None
for bad in [lambda: [1][2**100], lambda: (1,)[-2**100], lambda: [1][text], lambda: (1,)[real], lambda: "abc"[2**70],
            lambda: [1][I(5)], lambda: "a"[nothing]]:
    try:
        print(bad())
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
print(list.__getitem__([1, 2], 1), tuple.__getitem__((1, 2), slice(0, 1)), dict.__getitem__({1: 2}, 1))
print(list(range(I(3))), [0, 1, 2, 3][I(1):I(3)], "abcdef"[::I(2)], hex(I(255)) if False else "skip")
class Bad:
    def __index__(self):
        return "no"
for f in [lambda: [1, 2][Bad()], lambda: range(Bad())]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
