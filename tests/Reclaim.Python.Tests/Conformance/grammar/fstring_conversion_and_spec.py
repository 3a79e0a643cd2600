# An f-string conversion (!r, !s, !a) makes a str that the format spec then pads.
name = "Ada"
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
print(f"[{name!r:>8}] [{name!s:^7}] [{'é'!a:<6}] [{P():xyz}] [{P()!r:>5}] [{3.14159:{'.3f'}}] [{10:#x}]")
width, prec = 10, 2
print(f"[{2.71828:{width}.{prec}f}] [{'x':{'>'}{width}}] [{name=}] [{name=!s}] [{1+1=}]")
