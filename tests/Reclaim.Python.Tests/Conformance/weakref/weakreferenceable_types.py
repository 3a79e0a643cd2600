import weakref
class Plain: pass
class Slotted:
    __slots__ = ("a",)
class SlottedWeak:
    __slots__ = ("a", "__weakref__")
class SubOfSlotted(Slotted): pass
class I(int): pass
class T(tuple): pass
class L(list): pass
class D(dict): pass
class S(str): pass
class E(Exception): pass
def g():
    yield 1
for name, make in [("Plain", Plain), ("Slotted", Slotted), ("SlottedWeak", SlottedWeak),
                   ("SubOfSlotted", SubOfSlotted), ("I", lambda: I(1)), ("T", T), ("L", L), ("D", D),
                   ("S", lambda: S("x")), ("E", E), ("set", set), ("frozenset", frozenset),
                   ("generator", g), ("len", lambda: len), ("list", list), ("object", object),
                   ("Exception", Exception), ("type", lambda: Plain)]:
    obj = make()
    try:
        weakref.ref(obj)
        print(name, "ok")
    except TypeError as e:
        print(name, "->", e)
