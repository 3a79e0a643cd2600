import sys
class A: pass
items = [A(), A()]
for x in items:
    pass
print(sys.getrefcount(items[1]))
del x
print(sys.getrefcount(items[1]))
