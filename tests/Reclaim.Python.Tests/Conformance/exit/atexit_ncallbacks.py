import atexit
atexit.register(print, "x")
atexit.register(print, "y")
print(atexit._ncallbacks())
atexit._clear()
print(atexit._ncallbacks())
