# A method call whose name is on a later line: 3.11 points at the line of the name.
class A:
    def m(self):
        return 1
x = (A()
   .m(1, 2))
