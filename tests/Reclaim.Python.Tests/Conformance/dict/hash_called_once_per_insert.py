# A key's __hash__ runs once per insertion or look-up, never again when the dict grows.
calls = 0

class K:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        global calls
        calls += 1
        return self.n
    def __eq__(self, other):
        return isinstance(other, K) and other.n == self.n

d = {}
keys = [K(i) for i in range(100)]
for k in keys:
    d[k] = k.n
print(calls, len(d))
calls = 0
print(d[K(42)], K(7) in d, K(1000) in d, calls)
