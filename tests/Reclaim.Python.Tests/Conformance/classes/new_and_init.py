class A:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)
    def __init__(self, x):
        print("init", x)
A(5)
