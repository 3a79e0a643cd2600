import gc
class A:
    def __del__(self):
        print("in __del__, collect ->", gc.collect())
a = A()
a.self = a
del a
print("outer collect ->", gc.collect())
b = A()
del b
print("done")
