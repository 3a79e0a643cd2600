class A:
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls, x): return cls.__name__, x
class B(A): pass
print(A.s(2), A().s(3), B.c(1), B().c(2))
