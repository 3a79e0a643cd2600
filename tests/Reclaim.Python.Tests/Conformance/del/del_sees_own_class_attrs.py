class A:
    label = "class attr"
    def __del__(self): print("del sees", self.label)
x = A()
x = 1
