class A:
    def __repr__(self): return "A()"
class B:
    def __str__(self): return "B-str"
print(A(), [A()], str(A()))
print(B(), repr(B()).startswith("<__main__.B object at"))
