d = {"a": 1}
keys = d.keys()
vals = d.values()
d["b"] = 2
print(list(keys), list(vals), len(keys), "b" in keys)
print(keys & {"a", "z"}, d.items() - {("a", 1)})
