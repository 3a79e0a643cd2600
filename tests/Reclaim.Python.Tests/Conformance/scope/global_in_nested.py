def outer():
    def inner():
        global g
        g = "set"
    inner()
outer()
print(g)
