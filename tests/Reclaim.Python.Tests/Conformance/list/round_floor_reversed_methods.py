# int/float __round__, __floor__, __ceil__ and list.__reversed__ exist as in CPython; a reverse iterator fixes its
# last index when created (items appended later are not seen; a shrunk list ends it).
import math
class I(int): pass
class F(float): pass
class L(list): pass
print(int.__round__(15, -1), float.__round__(2.5), float.__round__(2.675, 2), (7).__round__(), round(I(25), -1), round(F(2.5)))
print(float.__floor__(-1.5), float.__ceil__(-1.5), int.__floor__(3), (True).__ceil__(), math.floor(F(2.7)), math.ceil(I(3)))
print(list(list.__reversed__([1, 2, 3])), list(reversed(L([4, 5]))), type(reversed([])).__name__ == type([].__reversed__()).__name__)
x = [1, 2, 3]
it = reversed(x)
x.append(4)
print(list(it))
for bad in ["float.__round__(1)", "list.__reversed__(())", "int.__floor__(1.5)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
print(round(2**70 + 0.0), round(1e300 * 10) if False else "inf skipped")
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    float.__floor__(float("nan"))
except ValueError as e:
    print("ValueError", e)
y = [1, 2, 3, 4]
it = reversed(y)
print(next(it))
del y[1:]
print(list(it))
t = (1, 2, 3)
print(list(reversed(t)), list(reversed([])), list(reversed(range(3))))
z = [1, 2, 3]
r = reversed(z)
print(next(r), next(r))
z.clear()
print(list(r))
