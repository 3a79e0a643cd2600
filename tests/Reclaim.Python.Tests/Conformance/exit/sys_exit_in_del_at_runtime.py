import sys
class A:
    def __del__(self):
        print("del")
        sys.exit(3)
a = A()
del a
print("still running")
