items = [(1, "a"), (2, "b")]
for num, letter in items:
    print(num, letter)
print(dict(items))
