a = b = c = []
a.append(1)
print(b, c is a)
