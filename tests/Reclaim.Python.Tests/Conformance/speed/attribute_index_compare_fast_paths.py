# The evaluator's fast paths must decide exactly as the general ones: self.attr on a local (instance attribute,
# class attribute, property, __getattr__, a receiver rebound between loads), list/tuple[int] (negative, out of
# range, subclasses overriding __getitem__, bools as keys) and small-int comparisons (chained, mixed with floats).


class P:
    kind = "class"

    def __init__(self):
        self.x = 1

    @property
    def doubled(self):
        return self.x * 2

    def __getattr__(self, name):
        return "missing " + name


def attrs(p):
    out = [p.x, p.kind, p.doubled, p.nothing]
    p.kind = "instance"
    out.append(p.kind)
    del p.x
    out.append(p.x)
    p = 5
    out.append(p.real)
    return out


print(attrs(P()))


class L(list):
    def __getitem__(self, i):
        return ("override", i)


def index(seq, i):
    try:
        return seq[i]
    except IndexError as e:
        return "IndexError: " + str(e)


for s in ([1, 2, 3], (4, 5, 6), L([7, 8])):
    print([index(s, i) for i in (0, 2, -1, -4, 3, True)])

items = [[10, "a"], (20, "b")]
print(items[0][0], items[1][1], items[-1][-2])
x = [1, 2, 3]
print(x[(x := [7, 8, 9]) and 1], x)

big = 2 ** 70
print(3 == 3, 3 != 3, 2 <= 3, 3 >= 4, 1 <= 1.0, 2 >= 2.5, big == big, 5 <= big)
print(1 <= 2 <= 3, 1 == 1 != 2, 3 >= 3 >= 4)
n = 0
while n <= 4:
    n += 1
print(n)
