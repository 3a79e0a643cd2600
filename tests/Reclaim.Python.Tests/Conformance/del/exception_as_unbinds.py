class A:
    def __del__(self): print("del A")
try:
    raise ValueError(A())
except ValueError as e:
    print("in handler")
print("after handler")
