d = {}
d["self"] = d
print(d)
l = [1]
l.append(l)
print(l)
