class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def make():
    tmp = A("tmp")
    return A("kept")
k = make()
print("have", k.n)
