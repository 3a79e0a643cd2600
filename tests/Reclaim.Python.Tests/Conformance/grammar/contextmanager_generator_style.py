class managed:
    def __init__(self, gen_fn): self.gen_fn = gen_fn
    def __call__(self, *a):
        outer = self
        class CM:
            def __enter__(s):
                s.g = outer.gen_fn(*a)
                return next(s.g)
            def __exit__(s, t, v, tb):
                if t is None:
                    next(s.g, None)
                    return False
                try:
                    s.g.throw(v)
                except StopIteration:
                    return True
                return False
        return CM()
@managed
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    except KeyError:
        print("handled KeyError")
    print("</" + name + ">")
with tag("p") as t:
    print("inside", t)
with tag("q"):
    raise KeyError("x")
print("done")
