class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __bool__(self): return True
x = "yes" if A(1) else "no"
print(x)
