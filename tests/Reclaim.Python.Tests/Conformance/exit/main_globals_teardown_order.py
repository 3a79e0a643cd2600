class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("teardown", self.n)
zeta = A("zeta")
alpha = A("alpha")
middle = A("middle")
print("end")
