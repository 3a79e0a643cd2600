def inner(d):
    return d["a"]["b"]
def outer():
    return inner({"a": {}})
outer()
