d = {}
for k in ["b", "a", "c"]:
    d[k] = len(d)
d["a"] = 99
print(list(d), list(d.values()), list(d.items()))
del d["b"]; d["b"] = 0
print(list(d))
