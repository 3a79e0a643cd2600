# The format mini-language for ints: bases, alternate forms, grouping, sign, fill and alignment.
n = 255
print(format(n, "b"), format(n, "#b"), format(n, "o"), format(n, "#o"), format(n, "x"), format(n, "#X"), format(65, "c"))
print(format(1234567, ","), format(1234567, "_"), format(0xDEADBEEF, "_x"), format(-42, "+"), format(42, "+"), format(42, " "))
print(f"[{n:>8}] [{n:<8}] [{n:^8}] [{-n:=8}] [{n:*^9}] [{n:08}] [{-n:08}] [{n:#010x}]")
print(format(True, "d"), format(10, "e"), format(10, ".2f"), format(10, "%"), format(10, ""), format(10, "n"))
for spec in [".2", ",x", "q", "+c"]:
    try:
        format(5, spec)
    except ValueError as e:
        print("ValueError", e)
