x = 10
x += 1; x -= 2; x *= 3; x //= 2; x %= 7; x **= 2; x <<= 1; x >>= 1; x |= 8; x &= 12; x ^= 5
print(x)
s = "a"; s *= 3; print(s)
l = [1]; l += [2]; l *= 2; print(l)
