def a():
    v = "a"
    def b():
        def c():
            return v
        return c()
    return b()
print(a())
