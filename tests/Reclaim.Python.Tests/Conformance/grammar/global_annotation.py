x: int = 5
y: list
print(x, __annotations__)
