def deco(cls):
    cls.tag = "decorated"
    return cls
@deco
class A: pass
print(A.tag)
