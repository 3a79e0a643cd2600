class A:
    shared = []
    def __init__(self): self.own = []
a, b = A(), A()
a.shared.append(1)
a.own.append(2)
print(b.shared, b.own)
