class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
items = [A(0), A(1), A(2)]
while items:
    x = items.pop(0)
    print("popped", x.n)
    x = None
print("done")
