# A built-in type's method taken from the type and called with a missing or wrong receiver raises CPython's
# TypeError (method descriptors and slot wrappers word it differently); the reprs say which kind each is.
for name in ["list.append", "list.__len__", "list.__getitem__", "dict.__contains__", "int.__add__",
             "str.__format__", "object.__init__", "type.__call__", "set.__contains__", "dict.__iter__",
             "str.upper", "dict.keys"]:
    print(name, repr(eval(name)))

print(repr([].append).split(" at ")[0])
print(repr({}.get).split(" at ")[0])

calls = [
    "list.append(1, 2)", "dict.get(1, 2)", "str.upper(5)", "set.add([], 1)", "tuple.index(1, 1)",
    "int.bit_length('x')", "bytes.hex(3)", "list.__len__(())", "dict.keys([])", "str.join(1, [])",
    "float.is_integer(1)", "list.sort({})", "frozenset.union(set(), [1])",
    "list.append()", "list.__len__()", "type.__call__(1)", "int.__add__('a', 1)", "object.__init__()",
    "str.__len__(b'')", "list.__getitem__((), 0)", "dict.__contains__([], 1)",
    "list.append(*[])", "list.append(self=[], object=1)",
]
for call in calls:
    try:
        print(call, "->", eval(call))
    except TypeError as e:
        print(call, "-> TypeError:", e)

# The right receiver, including a subclass instance, still works.
class L(list):
    pass

items = L()
list.append(items, 5)
print(items, list.__len__(items), dict.fromkeys([1, 2]), int.__add__(True, 2), str.upper("ok"))
