import sys
d = {}
print(sys.getrefcount(d))
holder = {"a": d, "b": d}
print(sys.getrefcount(d))
holder.pop("a")
print(sys.getrefcount(d))
