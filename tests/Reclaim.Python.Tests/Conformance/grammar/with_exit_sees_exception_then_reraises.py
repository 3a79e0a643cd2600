class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print("exit saw", repr(v))
with CM():
    {}["gone"]
