class A:
    def __del__(self):
        print("del")
        global keep
        keep = self
A()
print("alive", keep is not None)
keep = None
print("end")
