import atexit
atexit.register(print, "first registered")
atexit.register(print, "second registered")
atexit.register(print, "third registered")
print("main done")
