class D:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return f"get {self.name}"
    def __set__(self, obj, value):
        print("set", self.name, value)
class A:
    x = D()
a = A()
print(a.x)
a.x = 3
print(type(A.x).__name__)
