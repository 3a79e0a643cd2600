class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f(a, b):
    print("f")
    return 0
f(A(1), A(2))
print("after")
