# int(text, base) by CPython's rules: whitespace, sign, prefixes, underscores, base 0's leading zeros, Unicode
# decimal digits, the base range and the 4300-digit limit.
cases = [("12", 10), (" 12 ", 10), ("1_0", 10), ("1__0", 10), ("_1", 10), ("1_", 10), ("0x_1f", 16), ("0x_1f", 0),
         ("0_7", 10), ("07", 0), ("00", 0), ("0_0", 0), ("0x", 16), ("0b102", 0), ("z", 36), ("Z", 36),
         ("\u0661\u0662\u0663", 10), ("\uff11\uff12", 10), ("\uff41", 16), ("\U0001d7ce\U0001d7cf", 10), ("-\u0661", 10),
         ("\u00a012\u2003", 10), ("+-1", 10), ("- 1", 10), ("", 10), ("  ", 10), ("1e3", 10), ("0o17", 8), ("0O17", 0),
         ("12", 2), ("é", 36), ("1 2", 10), ("٣_٤", 10), ("0x1F", 16), ("-0b11", 0), ("\t+7\n", 0), ("99999999999999999999999", 10)]
for text, base in cases:
    try:
        print(ascii(text), base, int(text, base))
    except ValueError as e:
        print(ascii(text), base, "ValueError", e)
for bad in [1, 37, -1]:
    try:
        int("1", bad)
    except ValueError as e:
        print(bad, e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(str(int("7" * 4300))))
