class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x): return x + self.n
print(Adder(3)(4), callable(Adder(1)), callable(5))
