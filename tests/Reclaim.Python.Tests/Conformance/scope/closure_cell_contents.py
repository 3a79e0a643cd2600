def make(v):
    def f(): return v
    return f
f = make(10)
print(f.__closure__[0].cell_contents, f.__code__.co_freevars)
