class Base:
    def __del__(self): print("Base.__del__", type(self).__name__)
class Child(Base):
    pass
Child()
print("done")
