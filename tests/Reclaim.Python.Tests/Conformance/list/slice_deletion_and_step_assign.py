l = list(range(10))
del l[::3]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
