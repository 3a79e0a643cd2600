import sys
class A:
    def __del__(self): print("del A")
def f():
    a = A()
    raise KeyError("k")
try:
    f()
except KeyError:
    print("caught")
    info = sys.exc_info()
print("kept")
info = None
print("dropped")
