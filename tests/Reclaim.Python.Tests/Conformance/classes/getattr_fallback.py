class A:
    real = 1
    def __getattr__(self, name):
        return f"virtual {name}"
a = A()
print(a.real, a.other)
