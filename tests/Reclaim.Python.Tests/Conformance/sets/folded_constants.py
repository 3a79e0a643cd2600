# CPython folds a set display of constants into a frozenset constant (built twice by the compiler): a display of
# three or more copies it into a new set, and a for loop or comprehension iterates the frozenset itself.
print({33, 1, 65})
x = 33
print({x, 1, 65})
print(frozenset((33, 1, 65)))
for v in {17, 1, 9, 25}:
    print(v, end=" ")
print()
print([v for v in {17, 1, 9, 25}])
print([v for v in {18, 2, 10, 26}], list({18, 2, 10, 26}))
print({-7, -15, 1, 9, -1, -2})
print({(1, 2), 33, 1}, {33, 1, 65, ()}, {(1, (2, 3)), (1,), 41, 9})
print({5, 13, 21, 29, 37, 45, 53})
y = 5
print({y, 13, 21, 29, 37, 45, 53})
print({1.5, 9.5, 17.5, -0.0, 0.0})
print({True, 2, 1.0})


def gen():
    for v in {40, 8, 24, 56}:
        yield v


print(list(gen()))


# The second and later evaluations reuse the first one's layout.
for i in range(3):
    print({33, 1, 65}, {5, 13, 21, 29, 37, 45, 53}, {1, 1.0, True, 2}, {-7, -15, 1, 9, -1, -2}, {(1, 2), 33, 1, ()})
    print([v for v in {17, 1, 9, 25, 33, 41}], frozenset({8, 0, 16}) == {0, 8, 16})
    for v in {5, 13, 21, 29, 37, 45, 53, 61}:
        print(v, end=" ")
    print()
    s = {64, 0, 128}
    s.add(i)
    print(s, 3 in {1, 2, 3}, "b" in {"a", "b", "c"})
