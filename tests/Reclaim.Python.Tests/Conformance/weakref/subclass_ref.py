import weakref
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
class A: pass
a = A()
r = MyRef(a, None, "tagged")
print(r.tag, r() is a)
del a
print(r())
