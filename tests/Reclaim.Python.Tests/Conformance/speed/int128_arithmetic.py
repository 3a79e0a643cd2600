# Int arithmetic whose operands and results fit 128 bits takes a fast path (no arbitrary-precision digits); it must
# agree with the general one at every edge: the 64- and 128-bit boundaries, negative operands of // % >> <<, bools,
# errors (zero divisors, negative shift counts), and big results compared, hashed and used as keys.

values = [0, 1, -1, 2, -2, 3, 7, -7, True, False,
          2**31 - 1, 2**31, 2**62, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64,
          2**100 + 12345, -(2**100) - 1, 2**125, 2**126 - 1, 2**126, -2**126, 2**127 - 1, 2**127, -2**127,
          -2**127 + 1, 2**128, -2**128, 2**200 + 3, 6364136223846793005, 1442695040888963407]

ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b),
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b),
]

digest = 0
lines = 0
for name, f in ops:
    for a in values:
        for b in values:
            try:
                r = f(a, b)
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            digest = (digest * 1000003 + (hash(r) if isinstance(r, int) else len(r))) & 0xFFFFFFFFFFFFFFFF
            lines += 1
            if lines % 97 == 0:
                print(repr(a), name, repr(b), "=", repr(r))
print("digest", digest, "of", lines)

for a in values:
    for s in [0, 1, 2, 31, 32, 33, 62, 63, 64, 65, 100, 126, 127, 128, 129, 300, -1]:
        try:
            left = a << s
        except Exception as e:
            left = type(e).__name__ + ": " + str(e)
        try:
            right = a >> s
        except Exception as e:
            right = type(e).__name__ + ": " + str(e)
        for r in (left, right):
            digest = (digest * 1000003 + (hash(r) if isinstance(r, int) else len(r))) & 0xFFFFFFFFFFFFFFFF
print("shift digest", digest)
print(-7 >> 1, -(2**100) >> 99, (2**126 - 1) << 1, 3 << 125, -3 << 125, 1 << 126, -1 << 127, (-1 << 127) + 0)
print(-(2**127) // -1, -(2**127) % -1, (2**127 - 1) // -1, 7 // -2, -7 % 3, (2**64) // -3, (2**64) % -3)

# A 64-bit LCG (as the benchmarks' random numbers): every step overflows 64 bits and is masked back.
state = 1
outputs = []
for _ in range(2000):
    state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
    outputs.append(state >> 33)
print(state, sum(outputs), outputs[:3], outputs[-1])

# Big results made by different paths are equal, hash alike and find each other as keys.
x = (2**64 - 1) * 3
y = int("55340232221128654845")
table = {x: "found"}
print(x == y, hash(x) == hash(y), table[y], x, type(x).__name__, x > 2**65, x < 2**66, -x, abs(-x), ~x)
print(2**127 - 1 + 1, -(2**127) - 1, (2**126) * 2, (2**126) * -2, (2**63) * (2**63), (-2**63) * (2**63))
print(True + True, True * (2**100), (2**70) & True, False | (2**70), (2**70) // True)
print(divmod(-(2**90), 7), divmod(2**90, -7), pow(2**70, 1, 1000), (2**70) / 2**69, 2**70 ** 1)


class Mine(int):
    def __add__(self, other):
        return "Mine.__add__"

    def __rmul__(self, other):
        return "Mine.__rmul__"


print(Mine(2**70) + 1, (2**70) * Mine(3), Mine(5) - 2**100)

# Ints hash modulo 2^61 - 1 with the sign carried; integral floats hash as the int they equal.
print([hash(v) for v in [2**61 - 2, 2**61 - 1, 2**61, 2**62 + 5, 2**63 - 1, -2**61 + 1, -2**61, -2**63, 2**64 + 1]])
print([hash(v) for v in [-(2**61 - 1) - 1, -(2**122) - 1, 2.0**62, 2.0**70, -(2.0**80), 2**70 - 1]])
print(hash(2.0**70) == hash(2**70), {2**70: "int key"}[2.0**70], {2.0**64: "float key"}[2**64])


class HashedAs:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(HashedAs(True)), hash(HashedAs(2**62)), hash(HashedAs(-1)), hash(HashedAs(2**80)), hash(HashedAs(-(2**61))))
