import sys
got = []
sys.unraisablehook = got.append
class A:
    def __del__(self):
        raise OSError(2, "nope")
A()
u = got[0]
print(u.exc_type, repr(u.exc_value), u.err_msg, u.exc_traceback is not None)
