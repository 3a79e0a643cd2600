# Annotations: module and class __annotations__ (set up only when used), function __annotations__, none stored for locals.
x: int = 5
y: list
if True:
    z: "fwd" = 1
class C:
    a: int
    b: str = "s"
    def m(self):
        q: int = 3
        return q
print(x, __annotations__, C.__annotations__, C.b, C().m())
class D:
    pass
print("__annotations__" in D.__dict__)
def f(a: int, b: "x" = 2, *c: str, d: float = 1.0, **e: bool) -> None:
    pass
print(f.__annotations__)
