class S:
    __slots__ = ("a",)
s = S()
s.a = 1
print(s.a)
s.b = 2
