# __new__ and __init__ overrides on subclasses of int, str and float, their reprs, __del__ and weak references.
import weakref


class Doubled(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)

    def __init__(self, v):
        self.orig = v

    def __repr__(self):
        return "Doubled(%d)" % int(self)

    def __del__(self):
        print("del Doubled", int(self))


j = Doubled(4)
print(j, j.orig, repr(j), str(j), int(j), f"{j}", "%s" % j, j + 1)
del j
print("after del")


class Upper(str):
    def __new__(cls, text):
        return str.__new__(cls, text.upper())

    def shout(self):
        return self + "!"


u = Upper("hi")
print(u, type(u).__name__, u.shout(), type(u.shout()).__name__, u.lower(), len(u))


class Meters(float):
    def __add__(self, other):
        return Meters(float(self) + float(other))

    def __str__(self):
        return "%gm" % float(self)


m = Meters(1.5) + 2
print(m, type(m).__name__, repr(m), 2 + Meters(1.0), type(2 + Meters(1.0)).__name__)


class Sub(Doubled):
    pass


print(type(Sub(5)).__name__, Sub(5), isinstance(Sub(5), Doubled))
for make in [lambda: Upper("w"), lambda: Meters(1.0), lambda: Doubled(1)]:
    obj = make()
    try:
        r = weakref.ref(obj)
        print(type(obj).__name__, "weakref ok", r() is obj)
    except TypeError as e:
        print(e)
    del obj
