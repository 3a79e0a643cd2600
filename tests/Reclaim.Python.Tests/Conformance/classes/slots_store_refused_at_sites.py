# Stores to names outside __slots__ are refused at every store site (attribute statements, setattr, loops, inherited slots).
class P:
    __slots__ = ("a", "b")
class Q(P):
    __slots__ = ("c",)
class R(P):
    pass
class K:
    __slots__ = ("v",)
    shared = 10
def store(obj, name, value):
    try:
        setattr(obj, name, value)
        return "ok"
    except AttributeError as e:
        return f"AttributeError: {e}"
q = Q()
for i in range(3):
    q.a = i
    q.c = i * 2
    try:
        q.d = i
    except AttributeError as e:
        print(i, e)
print(q.a, q.c, store(q, "b", 1), store(q, "zz", 1), store(R(), "zz", 1))
k = K()
for name in ("v", "shared", "other"):
    print(name, store(k, name, 5))
print(k.v, K.shared)
def f(obj):
    obj.x = 1
for obj in (R(), Q(), R()):
    try:
        f(obj)
        print(type(obj).__name__, "stored", obj.x)
    except AttributeError as e:
        print(type(obj).__name__, e)
print(hasattr(Q(), "__dict__"), hasattr(R(), "__dict__"), "__weakref__" in dir(Q()))
