# Set operations with dict keys/items views on either side: the result's order follows how CPython builds it, and a
# non-iterable operand fails while iterating, as CPython's does.
d = {33: 1, 1: 2, 65: 3, 9: 4, 17: 5}
e = {17: 0, 65: 0, 2: 0}
print(d.keys() | {64, 128}, {64, 128} | d.keys(), d.keys() | [64, 0], [64, 0] | d.keys())
print(d.keys() & {65, 1, 9, 100}, {65, 1, 9, 100} & d.keys(), d.keys() & [17, 65, 1], d.keys() & e.keys(), e.keys() & d.keys())
print(d.keys() & set(range(100)), d.keys() & {1})
print(d.keys() - {1}, {1, 2, 3, 65} - d.keys(), d.keys() - [9], (1, 33, 100) - d.keys())
print(d.keys() ^ {1, 2}, {1, 2} ^ d.keys(), d.keys() ^ e.keys(), d.keys() ^ [1, 200])
print(d.items() & {(1, 2), (9, 9)}, d.items() | {(0, 0)}, d.items() - {(33, 1)})
for bad in (5, None):
    for op in ("|", "&", "-", "^"):
        try:
            print(eval("d.keys() " + op + " bad"))
        except TypeError as ex:
            print(op, ex)
        try:
            print(eval("bad " + op + " d.keys()"))
        except TypeError as ex:
            print(op, ex)
