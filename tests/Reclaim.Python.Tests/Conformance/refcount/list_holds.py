import sys
class A: pass
a = A()
items = [a] * 5
print(sys.getrefcount(a))
items.pop()
print(sys.getrefcount(a))
items.clear()
print(sys.getrefcount(a))
