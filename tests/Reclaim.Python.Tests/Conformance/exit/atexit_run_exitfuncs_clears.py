import atexit
atexit.register(print, "one")
atexit.register(print, "two")
atexit._run_exitfuncs()
print("ran", atexit._ncallbacks())
atexit.register(print, "three at exit")
