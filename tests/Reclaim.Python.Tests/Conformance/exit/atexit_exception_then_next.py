import atexit
def first(): print("first runs last")
def boom():
    raise KeyError("k")
atexit.register(first)
atexit.register(boom)
print("main")
