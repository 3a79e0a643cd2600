# yield as an expression inside calls, operators, containers and subscripts keeps evaluation order.
def trace(msg, v):
    print("eval", msg)
    return v

def g():
    x = trace("a", 1) + (yield "first") + trace("b", 2)
    print("x =", x)
    print("call", trace("f", str)((yield "second")))
    d = {trace("k", "key"): (yield "third"), "z": trace("z", 0)}
    print(sorted(d.items()))
    lst = [trace("l", 0), (yield "fourth")] if trace("cond", True) else None
    print(lst)
    t = (yield "fifth"), (yield "sixth")
    print(t)
    print(f"{(yield 'seventh')}!")
    print("and/or", trace("p", 1) and (yield "and-yield"), trace("q", 0) and (yield "skipped"))
    print("or", trace("r", 0) or (yield "or-yield") or trace("s", "tail"))
    print("ifexp", (yield "then") if trace("c2", False) else (yield "else"))
    return (yield "last")

it = g()
print(next(it))
sent = 100
try:
    while True:
        print(it.send(sent))
        sent += 1
except StopIteration as e:
    print("returned", e.value)
