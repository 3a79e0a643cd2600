import atexit
def a(): print("a")
def b():
    print("b unregisters a")
    atexit.unregister(a)
def c(): print("c")
atexit.register(a)
atexit.register(b)
atexit.register(c)
print(atexit._ncallbacks())
atexit.unregister(c)
print(atexit._ncallbacks())
