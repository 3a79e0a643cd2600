import sys
class A:
    def __del__(self):
        print("del at exit, sys present:", sys is not None)
obj = A()
print("end")
