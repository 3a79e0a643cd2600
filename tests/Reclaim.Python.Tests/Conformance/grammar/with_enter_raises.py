class CM:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a): print("never")
try:
    with CM():
        print("never body")
except RuntimeError as e:
    print("caught", e)
