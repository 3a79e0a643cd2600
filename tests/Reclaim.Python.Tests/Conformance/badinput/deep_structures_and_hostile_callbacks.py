# Hostile inputs: containers nested 100,000 deep (repr/str fail with RecursionError, == and len do not recurse),
# a deep yield-from chain, a sort key that mutates the list, a raising key, a 5,000-long __cause__ chain.

x = []
for i in range(100000):
    x = [x]
for name, op in [("repr", repr), ("str", str), ("eq", lambda v: v == v), ("len", len)]:
    try:
        op(x)
        print(name, "ok")
    except RecursionError as e:
        print(name, "RecursionError", e)
d = {}
for i in range(100000):
    d = {"k": d}
try:
    repr(d)
except RecursionError as e:
    print("dict", e)
t = ()
for i in range(100000):
    t = (t,)
try:
    hash(t)
    print("tuple hash ok")
except RecursionError as e:
    print("tuple hash", e)
try:
    t == t
    print("tuple eq ok")
except RecursionError as e:
    print("tuple eq", e)
def gen(n):
    if n:
        yield from gen(n - 1)
    yield n
try:
    print(sum(gen(5000)))
except RecursionError as e:
    print("yield from", e)
data = [3, 1, 2]
def key(v):
    data.append(v)
    return v
try:
    data.sort(key=key)
except ValueError as e:
    print("sort", e)
print(len(data))
def bad_key(v):
    raise KeyError(v)
try:
    sorted([1, 2], key=bad_key)
except KeyError as e:
    print("sorted key", e)
e = None
for i in range(5000):
    try:
        raise ValueError(i) from e
    except ValueError as exc:
        e = exc
print(type(e.__cause__).__name__)
x = None; d = None; t = None
print("end")
