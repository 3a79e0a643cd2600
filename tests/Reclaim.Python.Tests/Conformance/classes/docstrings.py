# A function's or class's leading string literal is its __doc__; anything else (no string, an f-string, a string
# after another statement, a lambda) leaves None; a class body can read its own __doc__.
def documented():
    """Multi-line
    docstring, kept as written."""
    return 1

def plain():
    return 2

def late():
    x = 1
    "not a docstring"
    return x

def formatted():
    f"not {1} docstring"

class Base:
    'Base docs'
    seen = __doc__
    def method(self):
        "method docs"

class Child(Base):
    pass

class Empty:
    pass

print(repr(documented.__doc__))
print(plain.__doc__, late.__doc__, formatted.__doc__, (lambda: "x").__doc__)
print(Base.__doc__, Base.seen, Base().__doc__, Base.method.__doc__, Base().method.__doc__)
print(Empty.__doc__, "__doc__" in Base.__dict__, "__doc__" in Child.__dict__)
print(documented(), plain(), late(), formatted())
