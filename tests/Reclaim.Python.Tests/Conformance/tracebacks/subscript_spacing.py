# Spaces and parentheses around a subscript's brackets: the value is marked ~, the brackets ^.
table = {"a": {}}
print(table ["a"] [ ("b") ])
