# Built-in constructors given too many arguments raise CPython's TypeErrors; so does a class statement whose base is
# an instance (its type is called as a metaclass with three arguments); sets are not subscriptable and say so (no
# endless recursion); & | ^ of two bools is a bool.
def attempt(label, make):
    try:
        result = make()
        print(label, "made", result)
    except TypeError as e:
        print(label, "->", e)

attempt("list(1, 2, 3)", lambda: list(1, 2, 3))
attempt("tuple(1, 2)", lambda: tuple(1, 2))
attempt("dict(1, 2)", lambda: dict(1, 2))
attempt("set(1, 2)", lambda: set(1, 2))
attempt("frozenset(1, 2)", lambda: frozenset(1, 2))
attempt("bool(1, 2)", lambda: bool(1, 2))
attempt("float(1, 2)", lambda: float(1, 2))
attempt("object(1)", lambda: object(1))
attempt("int(1, 2, 3)", lambda: int(1, 2, 3))
attempt("range()", lambda: range())
attempt("type(1, 2)", lambda: type(1, 2))
attempt("list()", lambda: list())
attempt("tuple('ab')", lambda: tuple("ab"))
attempt("dict(a=1)", lambda: dict(a=1))
attempt("frozenset()", lambda: frozenset())

def class_from_list():
    class A([]):
        pass
    return A

def class_from_dict():
    class B({}):
        pass
    return B

attempt("class A([])", class_from_list)
attempt("class B({})", class_from_dict)

s, f = {1, 2}, frozenset([3])
attempt("{1, 2}[0]", lambda: s[0])
attempt("frozenset([3])[0]", lambda: f[0])
attempt("set()['a']", lambda: set()["a"])
attempt("s[0:1]", lambda: s[0:1])
print(hasattr(s, "__getitem__"), hasattr(f, "__getitem__"), hasattr([], "__getitem__"), hasattr({}, "__getitem__"))

class L(list):
    def __init__(self, a, b):
        super().__init__([a, b])
print(L(1, 2), type(L(1, 2)).__name__)
class Bad(list):
    def __init__(self, *args):
        super().__init__(*args)
attempt("Bad(1, 2)", lambda: Bad(1, 2))

for a in (True, False):
    for b in (True, False):
        print(a, b, a & b, a | b, a ^ b, type(a & b).__name__, type(a | b).__name__, type(a ^ b).__name__)
print(True & 1, type(True & 1).__name__, 3 | False, type(3 | False).__name__)
x = True
x &= False
print(x, type(x).__name__)
x |= True
x ^= False
print(x, type(x).__name__)
