for i in range(3):
    pass
else:
    print("for else", i)
n = 0
while n < 3:
    n += 1
    if n == 2: break
else:
    print("not printed")
print("n", n)
