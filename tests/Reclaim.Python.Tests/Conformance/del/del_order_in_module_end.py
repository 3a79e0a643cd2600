class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
first = A("first")
second = A("second")
third = A("third")
print("end of module")
