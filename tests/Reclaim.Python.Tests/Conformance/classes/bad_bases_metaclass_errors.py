# A class statement whose bases are not classes: the metaclass is the most derived type of the bases, or a conflict.
class C: pass
c = C()
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
for src in ["class A(5): pass", "class A(c): pass", "class A(C, c): pass", "class A(c, C): pass",
            "class A(None): pass", "class A(1.5): pass", "class A(object, 5): pass",
            "class A(C, WithMeta): pass", "class A(WithMeta, C): pass", "class A(C, metaclass=Meta): pass"]:
    try:
        exec(src)
        print(src, "->", type(A).__name__, [b.__name__ for b in A.__bases__])
    except TypeError as e:
        print(src, "->", type(e).__name__, e)
