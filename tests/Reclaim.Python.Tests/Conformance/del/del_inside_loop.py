class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
for i in range(3):
    x = A(i)
    print("made", i)
print("loop done")
del x
