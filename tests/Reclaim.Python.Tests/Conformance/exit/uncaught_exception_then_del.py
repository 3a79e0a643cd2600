class A:
    def __del__(self): print("del at exit")
keep = A()
raise ValueError("uncaught with live global")
