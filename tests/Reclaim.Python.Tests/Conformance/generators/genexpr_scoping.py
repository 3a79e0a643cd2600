# Generator expressions: the first iterable is evaluated at once in the enclosing scope, the rest lazily.
def src(name, items):
    print("evaluating", name)
    return items

g = (x * y for x in src("outer", [1, 2]) for y in src("inner", [10, 20]))
print("created", type(g).__name__, g.__name__)
print(next(g))
print(list(g))

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)

class C:
    n = 3
    vals = [1, 2]
    try:
        pairs = list((v, n) for v in vals)
    except NameError as e:
        print("class scope is not visible:", e)
    ok = list(v * 2 for v in vals)
print(C.ok)

def f():
    k = 5
    gens = [(lambda: (i * k for i in range(3)))() for _ in range(1)]
    k = 7
    return list(gens[0])
print(f())
x = "global"
print(list(x for x in range(2)), x)
