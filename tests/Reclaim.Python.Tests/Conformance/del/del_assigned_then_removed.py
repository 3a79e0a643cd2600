class A: pass
def d(self): print("del runs for", self.name)
x = A(); x.name = "x"
A.__del__ = d
y = A(); y.name = "y"
del x
del A.__del__
del y
print("end")
