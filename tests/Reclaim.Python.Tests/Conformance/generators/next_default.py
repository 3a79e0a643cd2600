it = iter([])
print(next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
