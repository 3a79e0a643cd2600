class A:
    def __del__(self): print("del A")
a = A()
b = a
del a
print("after del a")
del b
print("after del b")
