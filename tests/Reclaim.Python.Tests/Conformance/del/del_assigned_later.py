class A: pass
def d(self): print("late del")
a = A()
A.__del__ = d
a = None
print("done")
