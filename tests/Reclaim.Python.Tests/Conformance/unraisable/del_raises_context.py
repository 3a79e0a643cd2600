class A:
    def __del__(self):
        try:
            [][1]
        except IndexError:
            raise TypeError("during handling")
A()
print("continues")
