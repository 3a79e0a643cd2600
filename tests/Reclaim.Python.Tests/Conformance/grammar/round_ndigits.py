# round() rounds the float's exact binary value, half to even, for any ndigits.
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-1.5), round(2.5), round(0.5), round(-0.5))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1234, -1), round(7, 0), round(3.14159, 3), round(1e300, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(5, 1)).__name__, round(0.1 + 0.2, 15))
