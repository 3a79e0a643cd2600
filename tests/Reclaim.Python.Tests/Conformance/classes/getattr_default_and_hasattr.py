class A:
    x = 1
print(getattr(A(), "x"), getattr(A(), "y", "dflt"), hasattr(A(), "y"))
setattr(A, "y", 2)
print(A().y)
delattr(A, "y")
getattr(A(), "y")
