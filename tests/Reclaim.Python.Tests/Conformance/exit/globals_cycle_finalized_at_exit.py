class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
a = A("a")
a.me = a
b = A("b")
print("end")
