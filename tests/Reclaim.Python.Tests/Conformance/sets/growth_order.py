# Growth past several resizes: the table order after each step.
def digest(s):
    total = 0
    for i, x in enumerate(s):
        total = (total * 31 + (i + 1) * hash(x)) % 1000000007
    return total

s = set()
for i in range(10000):
    s.add(i * 37 % 100003)
    if i in (4, 5, 20, 21, 100, 1000, 5000, 9999):
        print(i, len(s), list(s)[:12], digest(s))
t = {i * 1024 for i in range(300)}
print(list(t)[:20], digest(t))
u = set(range(-50, 50, 7))
print(u)
v = set()
for i in range(60000):
    v.add(i * 7)
print(len(v), list(v)[:10], digest(v))
w = {(i, i * i) for i in range(40)}
print(list(w)[:10], digest(w))
f = {i / 4 for i in range(50)}
print(list(f)[:15], digest(f))
print(digest(set(s)), digest(s.copy()), digest(frozenset(s)), digest(set(frozenset(s))))
print(list(set(t))[:10])
