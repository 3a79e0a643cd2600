class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (int, A)), isinstance(1, (str, int)))
print(type(B()) is B, B.__base__.__name__, A.__subclasses__()[0].__name__)
