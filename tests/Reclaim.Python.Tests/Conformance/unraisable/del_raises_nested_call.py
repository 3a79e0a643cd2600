class A:
    def helper(self):
        return 1 / 0
    def __del__(self):
        self.helper()
A()
print("continues")
