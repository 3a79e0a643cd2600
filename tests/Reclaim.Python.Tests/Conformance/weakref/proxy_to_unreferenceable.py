import weakref
for obj in (1, "s", (1,), [1], {}, None):
    try:
        weakref.proxy(obj)
    except TypeError as e:
        print(type(obj).__name__, "->", e)
