import atexit
def f(a, b=0, *, c=1):
    print("f", a, b, c)
atexit.register(f, 1, b=2, c=3)
print("main")
