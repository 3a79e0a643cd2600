class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {i: A(i) for i in range(3)}
d.popitem()
print("popped")
d.clear()
print("cleared")
