# A generator abandoned half-way through a file: GeneratorExit runs its `with` block, which closes the file, when the
# generator's last reference goes; an exception inside the block still closes it; __del__ can write to a file.
import weakref

with open("numbers.txt", "w") as f:
    for i in range(10000):
        f.write(f"{i}\n")


def lines(path, seen):
    with open(path) as f:
        seen.append(weakref.ref(f))
        try:
            for line in f:
                yield int(line)
        finally:
            print("finally, closed:", f.closed)
    print("never reached")


seen = []
g = lines("numbers.txt", seen)
print(next(g), next(g), sum(next(g) for _ in range(10)))
print("open while suspended:", not seen[0]().closed)
del g
print("after del:", seen[0]())

try:
    with open("numbers.txt") as f:
        first = f.readline()
        raise RuntimeError("inside with")
except RuntimeError as e:
    print(e, repr(first), f.closed)


class Logger:
    def __init__(self, path):
        self.path = path

    def __del__(self):
        with open(self.path, "a") as log:
            log.write("logged from __del__\n")


Logger("log.txt")
with open("log.txt") as f:
    print(f.read(), end="")
