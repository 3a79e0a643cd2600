# The attributes programs read from functions, their code objects and cells.
def outer(a, b=2, *args, c, d=4, **kw):
    x = a
    def inner(y, /, z=0):
        return x + y
    return inner

f = outer(1, c=3)
print(outer.__name__, outer.__qualname__, f.__name__, f.__qualname__, f.__module__, outer.__doc__)
print(outer.__defaults__, outer.__kwdefaults__, f.__defaults__, f.__kwdefaults__, inner_closure := len(f.__closure__))
print(f.__closure__[0].cell_contents, f.__code__.co_freevars, outer.__code__.co_cellvars, f.__code__.co_name)
print(outer.__code__.co_argcount, outer.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount, outer.__code__.co_varnames[:5])
print(outer.__closure__, type(f.__closure__[0]).__name__, f.__globals__ is globals())
f.tag = "t"
print(f.__dict__, f.tag)
def g(): pass
g.__defaults__ = (1,)
print(g.__defaults__)
def empty_cell():
    def h():
        return late
    try:
        h.__closure__[0].cell_contents
    except ValueError as e:
        print("ValueError", e)
    late = 1
empty_cell()
