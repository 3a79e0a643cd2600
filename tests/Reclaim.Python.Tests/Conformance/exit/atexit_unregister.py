import atexit
def f(): print("f")
def g(): print("g")
atexit.register(f)
atexit.register(g)
atexit.register(f)
atexit.unregister(f)
print("main")
