# print(file=...) to a file, and the standard input at its end (the program runs with an empty stdin).
import sys

with open("printed.txt", "w") as f:
    print("a", 1, None, sep="|", end="!\n", file=f)
    print(file=f)
    print("flushed", file=f, flush=True)
    print(*range(5), file=f, sep=",")
with open("printed.txt") as f:
    print(f.read(), end="")

print(repr(sys.stdin), sys.stdin.name, sys.stdin.mode, sys.stdin.readable())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines(), list(sys.stdin))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdout.flush()
input("prompt> ")
