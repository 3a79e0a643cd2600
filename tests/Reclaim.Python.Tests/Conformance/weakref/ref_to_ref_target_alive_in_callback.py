import weakref
class A:
    def __init__(self, n): self.n = n
keep = A("keep")
def cb(r):
    print("cb sees keep", keep.n)
a = A("a")
r = weakref.ref(a, cb)
a = None
print("end")
