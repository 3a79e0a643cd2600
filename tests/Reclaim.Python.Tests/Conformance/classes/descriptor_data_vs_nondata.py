class NonData:
    def __get__(self, obj, t): return "nondata"
class Data:
    def __get__(self, obj, t): return "data"
    def __set__(self, obj, v): raise AttributeError("read only")
class A:
    nd = NonData()
    d = Data()
a = A()
a.__dict__["nd"] = "instance"
a.__dict__["d"] = "instance"
print(a.nd, a.d)
