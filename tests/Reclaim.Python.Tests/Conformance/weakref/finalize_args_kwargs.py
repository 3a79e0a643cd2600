import weakref
class A: pass
def report(*args, **kwargs):
    print("report", args, sorted(kwargs.items()))
a = A()
weakref.finalize(a, report, 1, 2, key="v")
del a
print("done")
