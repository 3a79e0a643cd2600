# A generator that ignores GeneratorExit, dying at different del targets: the unraisable report points at the target.
def stubborn(tag):
    try:
        yield tag
    except GeneratorExit:
        print("ignoring in", tag)
        yield tag
class Holder:
    pass
it = stubborn("name"); next(it)
del it
h = Holder(); h.gen = stubborn("attribute"); next(h.gen)
del h.gen
items = [stubborn("item")]; next(items[0])
del items[0]
table = {"k": stubborn("key")}; next(table["k"])
del table["k"]
def inner():
    local = stubborn("local"); next(local)
    del local
    print("inner goes on")
inner()
a = stubborn("first"); next(a)
b = stubborn("second"); next(b)
del a, b
print("end")
