import atexit, sys
def hook(u):
    print("hook:", u.err_msg, u.exc_type.__name__, u.exc_value, u.object is f)
def f():
    sys.unraisablehook = hook
    raise RuntimeError("in atexit")
atexit.register(f)
print("main")
