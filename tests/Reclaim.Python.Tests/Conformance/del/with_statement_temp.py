class CM:
    def __enter__(self): print("enter"); return 5
    def __exit__(self, *a): print("exit"); return False
    def __del__(self): print("del CM")
with CM() as v:
    print("body", v)
print("after with")
