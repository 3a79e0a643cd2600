class A:
    def __del__(self):
        try:
            {}["k"]
        except KeyError as e:
            raise RuntimeError("wrapped") from e
A()
print("continues")
