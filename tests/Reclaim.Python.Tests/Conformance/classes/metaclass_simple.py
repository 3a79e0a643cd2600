class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)
class A(metaclass=Meta): pass
print(A.made_by, type(A).__name__)
