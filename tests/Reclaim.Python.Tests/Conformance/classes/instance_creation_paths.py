# Calling a class: the cached creation path of ordinary classes and every way a class can depart from it.
class Plain:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


p = Plain(1)
print(p.a, p.b, Plain(3, 4).b)


def new_init(self, a, b=0):
    self.a = -a
    self.b = b


Plain.__init__ = new_init  # replaced after first use
q = Plain(5)
print(q.a, q.b)
del Plain.__init__
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
print(type(Plain()).__name__)


class Other:
    pass


class Diverted:
    def __new__(cls, *args):
        return Other()

    def __init__(self, *args):
        print("never runs")


d = Diverted(1, 2)
print(type(d).__name__)


class BadInit:
    def __init__(self):
        return 42


for _ in range(2):
    try:
        BadInit()
    except TypeError as e:
        print("TypeError:", e)


class Meta(type):
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)


class WithMeta(metaclass=Meta):
    def __init__(self, x=0):
        self.x = x


print(WithMeta(7).x, WithMeta(x=8).x)
print(type.__call__(WithMeta, 9).x)


class Registry:
    subclasses = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.subclasses.append(cls.__name__)


class First(Registry):
    def __init__(self):
        self.n = 1


f1 = First()


class Second(First):
    pass


print(Registry.subclasses, f1.n, Second().n)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


s = Slotted(3)
print(s.x, hasattr(s, "y"))
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError:", e)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)
n = NoInit()
n.v = 1
print(n.v)


class Keywords:
    def __init__(self, *, k):
        self.k = k


print(Keywords(k=4).k)


class Dying:
    def __init__(self, name):
        self.name = name


Dying("a")
Dying.__del__ = lambda self: print("del", self.name)
Dying("b")
x = Dying("c")
del x
print("end")
