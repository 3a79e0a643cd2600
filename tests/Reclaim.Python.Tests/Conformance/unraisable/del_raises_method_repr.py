class Thing:
    def __del__(self):
        raise AttributeError("no attr")
t = Thing()
t = 5
print(t)
