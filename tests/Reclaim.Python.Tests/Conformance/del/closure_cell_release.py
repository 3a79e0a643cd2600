class A:
    def __del__(self): print("del A")
def make():
    a = A()
    return lambda: a
f = make()
print("have closure")
f = None
print("closure gone")
