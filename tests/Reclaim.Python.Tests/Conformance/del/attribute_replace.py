class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
class H: pass
h = H()
h.x = A(1)
h.x = A(2)
print("replaced")
del h.x
print("deleted")
