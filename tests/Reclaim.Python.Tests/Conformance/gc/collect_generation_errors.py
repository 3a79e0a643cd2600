import gc
for arg in (0, 1, 2):
    print(arg, type(gc.collect(arg)).__name__)
print(gc.collect(generation=1) >= 0)
for bad in (3, -1, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print(bad, "ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError")
