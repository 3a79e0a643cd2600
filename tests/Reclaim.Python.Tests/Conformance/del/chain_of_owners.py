class A:
    def __init__(self, n, child=None):
        self.n = n
        self.child = child
    def __del__(self): print("del", self.n)
root = A(1, A(2, A(3)))
root = None
print("done")
