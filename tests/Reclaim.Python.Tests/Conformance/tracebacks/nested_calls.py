# Three frames, each marking the operation that raised in it (a call, a call, a subscript).
def lookup(table):
    return table["key"]
def middle(): return lookup({"other": 1})
print(middle())
