class Base:
    def __del__(self): print("Base del")
class Child(Base):
    def __del__(self):
        print("Child del")
        super().__del__()
Child()
print("done")
