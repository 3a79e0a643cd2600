# seq[a:b] of a built-in list or tuple with int or None bounds is sliced without making a slice object; everything
# else (bool and big-int bounds, a step, subclasses overriding __getitem__, str) takes the general path.
# Both must agree with CPython: bounds clamped, the order of evaluation, a covering tuple slice being the tuple itself.

items = list(range(10))
tup = tuple(items)
bounds = [None, 0, 1, 3, -1, -3, 9, 10, 11, -10, -11, 100, -100]
out = []
for lo in bounds:
    for hi in bounds:
        out.append((items[lo:hi], tup[lo:hi]))
print(len(out), sum(len(a) + len(b) for a, b in out))
print(out[:5], out[-5:])
print(items[2:5], items[:3], items[7:], items[:], items[-2:], items[5:2], tup[1:4], tup[:0], tup[8:])
print(tup[:] is tup, tup[0:] is tup, tup[:10] is tup, tup[-10:] is tup, tup[::1] is tup, tup[:9] is tup, items[:] is items)
print(()[:] == (), items[True:], items[:False], tup[True:3])


print(items[2**70:], items[-2**70:2], items[1:8:2], tup[::-3], items[-2**63:], items[:2**63 - 1])


class Logged(list):
    def __getitem__(self, key):
        print("Logged.__getitem__", key)
        return ("Logged", key.start, key.stop, key.step)


class Plain(list):
    pass


class Tup(tuple):
    pass


print(Logged([1, 2, 3])[1:], type(Plain([1, 2, 3])[1:]).__name__, Plain([1, 2, 3])[:2], type(Tup((1, 2))[:]).__name__)
print("abcdef"[1:3], "abcdef"[-2:], b"abcdef"[:2])


def trace(label, value):
    print("evaluate", label)
    return value


print(trace("obj", items)[trace("lower", 1):trace("upper", 3)])


def bad_upper():
    return items[1:undefined_name]


try:
    bad_upper()
except NameError as e:
    print("NameError:", e, "at line", e.__traceback__.tb_next.tb_lineno)

try:
    items[1:"x"]
except TypeError as e:
    print("TypeError:", e)

number = 5
try:
    number[1:2]
except TypeError as e:
    print("TypeError:", e)

values = list(range(100))
total = 0
for i in range(100):
    total += len(values[i:]) + len(values[:i]) + sum(tup[i % 10:])
print(total)
