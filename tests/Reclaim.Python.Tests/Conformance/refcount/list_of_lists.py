import sys
inner = []
outer = [inner, inner, [inner]]
print(sys.getrefcount(inner))
outer[2].clear()
print(sys.getrefcount(inner))
