import sys
print("a", "b", sep="-", end="!\n", flush=True)
print("err", file=sys.stderr, flush=True)
print()
