class A:
    def __del__(self):
        raise RuntimeError("at exit")
keep = A()
print("end")
