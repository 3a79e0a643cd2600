# Attribute sites and the type look-up cache must see every change to a class, its bases, an instance's class and
# its attributes: the same site runs before and after each change. (Assigning __bases__ is not supported yet.)

class Base:
    def who(self):
        return "base"

    kind = "base-kind"


class Child(Base):
    pass


class Other:
    def who(self):
        return "other"

    kind = "other-kind"


def call_who(o):
    return o.who()


def read_kind(o):
    return o.kind


c = Child()
print(call_who(c), read_kind(c))
Base.who = lambda self: "patched"
print(call_who(c))
Child.who = lambda self: "child"
print(call_who(c))
del Child.who
print(call_who(c))
Base.kind = "new-kind"
print(read_kind(c))
c.kind = "instance-kind"
print(read_kind(c))
del c.kind
print(read_kind(c))
c.who = lambda: "instance-who"
print(call_who(c))
del c.who
c.__class__ = Other
print(call_who(c), read_kind(c))


class Prop:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x * 10


def read_x(o):
    return o.x


p = Prop()
print(read_x(p))
p._x = 2
print(read_x(p))
Prop.x = 99
print(read_x(p))
p.__dict__["x"] = 5
print(read_x(p))


class Getattr:
    def __getattr__(self, name):
        return "missing " + name


def read_y(o):
    return o.y


g = Getattr()
print(read_y(g))
g.y = "set"
print(read_y(g))


# Polymorphic: more receiver types through one site than it remembers.
classes = [type("K%d" % i, (), {"v": i}) for i in range(7)]
total = 0
for round in range(3):
    for k in classes:
        total += k().v
print(total)


def store(o, v):
    o.value = v


class Slot:
    pass


class Setter:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


s1, s2 = Slot(), Setter()
for o in (s1, s2, s1, s2):
    store(o, 21)
print(s1.value, s2.value)
