class S:
    __slots__ = ("v",)
    def __del__(self): print("slots del", self.v)
s = S()
s.v = 3
del s
print("done")
