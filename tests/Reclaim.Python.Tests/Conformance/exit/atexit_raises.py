import atexit
def bad(): raise ValueError("in atexit")
def good(): print("good ran")
atexit.register(good)
atexit.register(bad)
print("main")
