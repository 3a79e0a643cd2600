# Deletions leave dummies; later insertions reuse them; pop() follows the finger.
s = {0, 8, 16, 24, 1, 9}
print(s)
s.discard(8)
s.remove(0)
print(s)
s.add(32)
print(s)
s.add(8)
print(s)
s.add(0)
print(s)
try:
    s.remove(12345)
except KeyError as e:
    print("KeyError", e)
s.discard(12345)
p = set(range(20))
out = []
while p:
    out.append(p.pop())
print(out)
p = {x * 8 for x in range(10)}
print(p.pop(), p.pop(), p)
p.add(0)
p.add(8)
print(p, p.pop(), p.pop(), p.pop())
q = set(range(100))
for i in range(0, 100, 2):
    q.discard(i)
print(q)
for i in range(200, 260):
    q.add(i)
print(list(q)[:20])
r = set(range(64))
for i in range(60):
    r.remove(i)
print(r)
r.add(1000)
print(r)
r.difference_update(range(10))
print(r)
big = set(range(1000))
big.difference_update(range(0, 1000, 3))
print(len(big), list(big)[:10])
big.difference_update(range(1, 1000, 3))
print(len(big), list(big)[:10])
c = set(range(30))
c.clear()
print(c)
c.update([17, 9, 1])
print(c)
z = {5, 13, 21}
z.pop()
z.clear()
z.add(13)
z.add(5)
print(z, z.pop())
e = set()
try:
    e.pop()
except KeyError as ex:
    print("KeyError", ex)
f = set(range(8))
while len(f) > 1:
    f.pop()
    f.add(len(f) * 100)
    f.discard(len(f) * 100)
print(f)
g = {1, 2, 3}
g.__init__([30, 20, 10])
print(g)
g.__init__()
print(g)
