s = list(range(10))
print(s[2:5], s[::-1][:3], s[-3:], s[1:8:3])
s[::2] = ["x"] * 5
print(s)
print("hello"[1:-1], "hello"[::-2])
