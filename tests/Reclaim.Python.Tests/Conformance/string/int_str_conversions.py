print(int("  42 "), int("-0x1f", 16), int("1_000"), str(12.0), float("1e3"), repr(1.5), bin(10), hex(255), oct(8))
print(int(3.9), int(-3.9), float("nan") == float("nan"), round(123.456, -1), format(1234.5, ",.1f"))
