# Subclasses of frozenset make instances of themselves: their methods, attributes, repr and weak references.
class F(frozenset):
    def __and__(self, other):
        return "F.__and__"
print(F({1}) & {1}, {1} & F({1}), type(F({1})).__name__, F({2}), F(), repr(F([3, 1])))
class G(frozenset):
    def __new__(cls, *args):
        self = super().__new__(cls, *args)
        self.tag = "g"
        return self
g = G([33, 1, 65])
print(g, g.tag, type(g).__name__, hash(g) == hash(frozenset(g)), g == frozenset({1, 33, 65}), type(g | {5}).__name__, type(g.copy()).__name__)
h = F(g)
print(h, type(h).__name__, frozenset(g) is g, F(h) is h)
import weakref
w = weakref.ref(g)
print(w() is g)
del g
print(w())
