import atexit
def bad(): raise KeyError("k")
atexit.register(bad)
