# Which immutable built-ins can be subclassed and with which __slots__.
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)

for base in (int, bytes, tuple):
    try:
        class X(base):
            __slots__ = ("a",)
    except TypeError as e:
        print(e)


class Empty(int):
    __slots__ = ()


print(hasattr(Empty(1), "__dict__"), Empty(1) + 1)
try:
    Empty(1).x = 2
except AttributeError as e:
    print(e)


class Named(str):
    __slots__ = ("tag",)


n = Named("v")
n.tag = 3
print(n, n.tag, hasattr(n, "__dict__"))


class I(int):
    pass


class J(I):
    pass


try:
    class K(J):
        __slots__ = ("z",)
except TypeError as e:
    print(e)
print(type(J(2) + J(3)).__name__, J(2) + J(3), I(4) - 1)
try:
    I("x")
except ValueError as e:
    print(e)
