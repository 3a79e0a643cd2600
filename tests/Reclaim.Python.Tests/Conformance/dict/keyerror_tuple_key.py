d = {}
try:
    d[(1, 2)]
except KeyError as e:
    print(repr(e), e.args)
