# A generator expression holds its iterator in its own frame and releases it when exhausted or dropped.
import sys

class Source:
    def __init__(self):
        self.items = [1, 2, 3]
    def __iter__(self):
        return iter(self.items)
    def __del__(self):
        print("source freed")

class Item:
    def __del__(self):
        print("item freed")

g = (n for n in Source())
print("genexpr made")
print(next(g))
g = None
print("after drop")

lst = [Item()]
print(sys.getrefcount(lst))
g = (i for i in lst)
print(sys.getrefcount(lst))
print(next(g) is lst[0])
del lst
print("list deleted")
print(list(g))
print("exhausted")
del g
print("end")
