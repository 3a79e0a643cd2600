def inner():
    x = yield "a"
    print("inner got", x)
    return x
def outer():
    r = yield from inner()
    yield r
it = outer()
print(next(it))
print(it.send(42))
