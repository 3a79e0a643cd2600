import atexit
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError:", e)
r = atexit.register(print, "bye", end="!\n")
print(r is print)
