squares = (x * x for x in range(5))
print(next(squares))
print(list(squares))
print(sum(x for x in range(10) if x % 2))
