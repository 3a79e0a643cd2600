# __slots__ without __dict__, __class__ assignment rules, property errors, __subclasses__, singleton types, __getattribute__ and __init_subclass__ keywords.
class A:
    def __init__(self): self.x = 1
class B:
    __slots__ = ("x", "y")
class C(B):
    __slots__ = ("z",)
class D(B):
    pass
c = C()
c.x, c.z = 1, 2
for stmt in ["c.w = 3", "c.__dict__", "A().__class__ = B", "c.__class__ = 5", "object().__class__ = A", "vars(c)"]:
    try:
        exec(stmt)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
d = D()
d.anything = 1
print(d.__dict__, c.x, c.z, hasattr(c, "y"))
try:
    c.y
except AttributeError as e:
    print("AttributeError", e)
class E:
    __slots__ = ()
    k = 1
try:
    E().k = 2
except AttributeError as e:
    print("AttributeError", e)
class P:
    @property
    def v(self): return 1
for stmt in ["P().v = 2", "del P().v"]:
    try:
        exec(stmt)
    except AttributeError as e:
        print("AttributeError", e)
print(sorted(t.__name__ for t in B.__subclasses__()), type(None)(), type(NotImplemented)(), type(...)())
class M:
    def __getattribute__(self, n):
        return "ga:" + n
print(M().anything, object.__getattribute__(A(), "x"))
class Tag:
    def __init_subclass__(cls, /, label=None, **kw):
        super().__init_subclass__(**kw)
        cls.label = label
class T1(Tag, label="one"): pass
print(T1.label)
try:
    class Bad(object, spam=1): pass
except TypeError as e:
    print("TypeError", e)
