import sys
print(sys.unraisablehook is sys.__unraisablehook__)
seen = []
sys.unraisablehook = seen.append
class A:
    def __del__(self):
        raise KeyError("x")
A()
print(len(seen), seen[0].exc_type.__name__, seen[0].err_msg)
sys.unraisablehook = sys.__unraisablehook__
A()
print("end")
