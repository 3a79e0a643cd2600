# A special method's slot wrapper takes exactly its slot's arguments (extra ones are refused too); __pow__/__rpow__
# take the optional modulus of pow(x, y, z).
for t in ["int.__neg__(1, 2)", "(1).__neg__(2)", "list.__len__([], 1)", "[].__len__(1)", "int.__add__(1, 2, 3)", "str.__repr__('a', 1)", "(2).__pow__(3, 5)", "int.__add__(1, 2)", "[1].__getitem__(0)", "{}.__setitem__(1, 2)", "'a'.__eq__('a')", "object.__init__(object())"]:
    try:
        print(t, "->", eval(t))
    except TypeError as e:
        print(t, "-> TypeError:", e)
for t in ["(2).__pow__(3, 5)", "(2).__pow__(3, None)", "(3).__rpow__(2, 5)", "(2).__pow__(-1, 5)", "(2.0).__pow__(3, 5)", "(2).__pow__(3.0, 5)", "(2).__pow__(3, 5.0)", "pow(2, 3, 5)", "(True).__pow__(2, 3)"]:
    try:
        print(t, "->", eval(t))
    except (TypeError, ValueError) as e:
        print(t, "->", type(e).__name__, e)
