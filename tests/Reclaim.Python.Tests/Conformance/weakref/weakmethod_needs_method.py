import weakref
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
