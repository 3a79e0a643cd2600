def tag(t):
    def deco(fn):
        def wrapped(*a): return f"<{t}>{fn(*a)}</{t}>"
        return wrapped
    return deco
@tag("b")
@tag("i")
def hello(n): return f"hi {n}"
print(hello("x"))
