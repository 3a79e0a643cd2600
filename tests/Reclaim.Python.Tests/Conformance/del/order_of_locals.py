class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f():
    x = A("x")
    y = A("y")
    z = A("z")
f()
