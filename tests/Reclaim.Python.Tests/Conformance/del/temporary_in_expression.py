class A:
    def __del__(self): print("del")
    def value(self): return 42
print(A().value())
print("next")
