class A:
    def __init__(self):
        self.items = [1, 2, 3]
    def __del__(self):
        print("del with", self.items)
A()
print("done")
