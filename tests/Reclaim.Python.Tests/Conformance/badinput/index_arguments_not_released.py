# Built-ins that read an index argument they only borrow (range, chr, list.pop, slices, str.center/zfill,
# enumerate's start, str.split's maxsplit, gc thresholds, io seeks) refuse a non-index with TypeError and leave
# the argument's reference count as it was: the refusal must not release what the caller still holds.
import gc
import io
import sys


class NotAnIndex:
    pass


x = NotAnIndex()
before = sys.getrefcount(x)
attempts = [
    ("range(x)", lambda: range(x)),
    ("range(1, x)", lambda: range(1, x)),
    ("range(0, 5, x)", lambda: range(0, 5, x)),
    ("chr(x)", lambda: chr(x)),
    ("[1, 2].pop(x)", lambda: [1, 2].pop(x)),
    ("[1, 2][x:]", lambda: [1, 2][x:]),
    ("'ab'[::x]", lambda: "ab"[::x]),
    ("'ab'.center(x)", lambda: "ab".center(x)),
    ("'ab'.zfill(x)", lambda: "ab".zfill(x)),
    ("enumerate([], x)", lambda: enumerate([], x)),
    ("'a b'.split(' ', x)", lambda: "a b".split(" ", x)),
    ("gc.set_threshold(x)", lambda: gc.set_threshold(x)),
    ("io.StringIO().seek(x)", lambda: io.StringIO().seek(x)),
    ("io.BytesIO().truncate(x)", lambda: io.BytesIO().truncate(x)),
]
for label, attempt in attempts:
    for _ in range(3):
        try:
            attempt()
        except TypeError as e:
            message = str(e)
    print(label, "->", message)

print("reference count unchanged:", sys.getrefcount(x) == before)
del x
print("collected:", gc.collect() >= 0)
