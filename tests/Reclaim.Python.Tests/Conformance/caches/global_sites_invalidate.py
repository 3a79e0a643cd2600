# Global loads remember where the name was found: a global defined, rebound or deleted later must be seen, and a
# global shadowing a builtin must win from then on.

def use_len():
    return len("abc")


def use_g():
    return g


print(use_len())
len = lambda s: 42
print(use_len())
del len
print(use_len())
g = 1
print(use_g())
g = 2
print(use_g())
for i in range(40):
    globals()["filler%d" % i] = i
print(use_g())
del g
try:
    use_g()
except NameError as e:
    print("NameError:", e)
g = 3
print(use_g())
