class A:
    def __del__(self): print("del A")
def g():
    a = A()
    yield 1
    print("after yield")
for v in g():
    print("got", v)
print("done")
