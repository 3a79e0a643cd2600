a = [0, 1, 2, 3, 4]
del a[1], a[-1]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
