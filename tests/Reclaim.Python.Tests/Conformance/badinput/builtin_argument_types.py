# Built-in methods check the type of their str arguments (attribute names, format specs, strip characters, split
# separators) and the count of a special method's arguments, raising CPython's TypeError; nothing reaches the
# interpreter's own code unchecked.
class C:
    pass

tests = [
    "object.__delattr__(C(), 1)", "object.__setattr__(C(), 1, 2)", "object.__getattribute__(C(), None)",
    "object.__format__(C(), 1)", "object.__format__(C(), 'x')", "int.__format__(1, 2)",
    "float.__format__(1.0, None)", "str.__format__('a', b'')", "format(1, 2)",
    "'a'.lstrip(1)", "'a'.rstrip([])", "'a'.strip(b'')", "'xax'.strip(None)", "'xax'.strip('x')",
    "'a'.split(1)", "'a b'.split(None)", "'a b'.split(sep=None)", "'a'.split('')",
    "delattr(C(), 1)", "setattr(C(), 1, 2)", "getattr(C(), 2)",
    "int.__add__(0)", "int.__lt__(1)", "str.__contains__('a')", "(1).__add__()", "[].__contains__()",
    "1 << 2**70", "(-1) << 2**70", "0 << 2**70", "5 >> 2**70", "(-5) >> 2**70", "2**100 << 2**70",
    "1 << 2**40", "0 ** 2**70", "1 ** 2**70", "(-1) ** 2**70", "(-1) ** (2**70 + 1)",
    "pow(2, 2**70, 7)", "2 ** -(2**70)",
]
for t in tests:
    try:
        print(t, "->", eval(t))
    except (TypeError, ValueError, AttributeError, OverflowError, MemoryError) as e:
        print(t, "->", type(e).__name__, e)
