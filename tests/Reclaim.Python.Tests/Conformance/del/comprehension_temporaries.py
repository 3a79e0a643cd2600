class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
print(sum(A(i).n for i in range(3)))
print("done")
