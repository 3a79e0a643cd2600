import atexit
atexit.register(print, "run once")
atexit._run_exitfuncs()
print("main")
