class A:
    def __init__(self, n, nxt=None):
        self.n = n; self.nxt = nxt
    def __del__(self): print("del", self.n)
head = A(1, A(2, A(3, A(4))))
head = None
