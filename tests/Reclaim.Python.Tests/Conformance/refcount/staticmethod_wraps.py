import sys
def f(): pass
sm = staticmethod(f)
cm = classmethod(f)
print(sys.getrefcount(f))
