import sys
def hook(u):
    raise TypeError("hook broke")
sys.unraisablehook = hook
class A:
    def __del__(self):
        raise ValueError("del")
A()
print("after")
