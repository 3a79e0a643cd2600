# __name__/__qualname__, gi_code, gi_frame, repr and weak references of generators.
import weakref

class K:
    def method(self):
        yield self

def outer():
    def inner():
        yield 1
    return inner()

g = K().method()
print(g.__name__, g.__qualname__, g.gi_code.co_name)
i = outer()
print(i.__qualname__, repr(i).startswith("<generator object outer.<locals>.inner at 0x"))
print(i.gi_frame.f_lineno, i.gi_frame.f_code.co_name)
next(i)
print(i.gi_frame.f_lineno)
r = weakref.ref(i)
print(r() is i)
del i
print(r())
ge = (x for x in [])
print(ge.__name__, ge.__qualname__)
print(hasattr(g, "send"), hasattr(g, "__next__"), iter(g) is g)
def fn(): yield
print(type(fn()).__name__, fn.__name__)
