class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
items = [A(0), A(1), A(2), A(3)]
items[1:3] = []
print("sliced")
del items[0]
print("deleted")
items = None
