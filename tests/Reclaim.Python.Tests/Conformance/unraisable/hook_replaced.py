import sys
def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, type(u.object).__name__)
sys.unraisablehook = hook
class A:
    def __del__(self):
        raise ValueError("x")
A()
print("done")
