class A:
    def __del__(self): print("del A")
    def m(self): pass
m = A().m
print("method alive")
m = None
print("done")
