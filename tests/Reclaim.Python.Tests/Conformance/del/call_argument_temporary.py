class A:
    def __del__(self): print("del A")
def f(x):
    print("in f")
    return 1
print(f(A()))
print("after")
