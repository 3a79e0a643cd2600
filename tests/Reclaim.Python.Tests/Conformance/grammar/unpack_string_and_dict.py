a, b = "xy"
k1, k2 = {"one": 1, "two": 2}
print(a, b, k1, k2)
