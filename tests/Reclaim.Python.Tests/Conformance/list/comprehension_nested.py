print([(i, j) for i in range(3) for j in range(i) if j % 2 == 0])
print({i % 3 for i in range(10)}, {i: i * i for i in range(4)})
