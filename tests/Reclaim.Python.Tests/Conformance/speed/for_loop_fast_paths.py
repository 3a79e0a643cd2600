# `for` over a built-in list, tuple or range walks it without an iterator object; it must behave as the built-in
# iterators do: a list growing or shrinking in the body, the name rebound, subclasses (with and without __iter__),
# break/else, unpacking failures and their traceback lines, and the sequence kept alive by the loop alone.

items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x < 3:
        items.append(x * 10)
print(seen, items)

items = [1, 2, 3, 4, 5, 6]
seen = []
for x in items:
    seen.append(x)
    del items[0]
print(seen, items)

items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    items = None
print(seen, items)

seen = []
for x in (4, 5, 6):
    seen.append(x)
else:
    seen.append("else")
print(seen)

seen = []
for x in [7, 8, 9]:
    if x == 8:
        break
    seen.append(x)
else:
    seen.append("else")
print(seen)

print([i for i in range(0)], [i for i in range(3)])
out = []
for r in [range(5), range(2, 11, 3), range(10, 0, -3), range(-5, -1), range(0), range(3, 3), range(1, 10, -1),
          range(2**62, 2**62 + 3)]:
    row = []
    for i in r:
        row.append(i)
    else:
        row.append("done")
    out.append(row)
print(out)


class Mine(list):
    def __iter__(self):
        yield "from __iter__"


class Plain(list):
    def __getitem__(self, i):
        return "from __getitem__"


class Tup(tuple):
    pass


print([x for x in Mine([1, 2])], [x for x in Plain([1, 2])], [x for x in Tup((3, 4))])
seen = []
for x in Mine([1, 2]):
    seen.append(x)
for x in Plain([1, 2]):
    seen.append(x)
for x in Tup((3, 4)):
    seen.append(x)
print(seen)


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("freed", self.n)


def only_owner():
    # The list has no other reference: the loop keeps it (and its items) alive until the loop ends.
    for item in [Noisy(1), Noisy(2)]:
        print("visit", item.n)
    print("after loop")


only_owner()


def pairs():
    total = 0
    for a, b in [(1, 2), (3, 4), (5,)]:
        total += a * b
    return total


try:
    pairs()
except ValueError as e:
    print("ValueError:", e, "at line", e.__traceback__.tb_next.tb_lineno)


def ranges_and_returns():
    for i in range(10):
        if i == 4:
            return i
    return -1


print(ranges_and_returns())
total = 0
for i in range(100000):
    total += i
print(total)
