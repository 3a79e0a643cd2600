class A:
    def __del__(self):
        raise ValueError("bad del")
a = A()
del a
print("continues")
