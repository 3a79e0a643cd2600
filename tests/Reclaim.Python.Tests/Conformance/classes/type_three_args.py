def hello(self): return "hi " + self.name
T = type("T", (object,), {"name": "t", "hello": hello})
print(T().hello(), T.__name__, T.__bases__)
