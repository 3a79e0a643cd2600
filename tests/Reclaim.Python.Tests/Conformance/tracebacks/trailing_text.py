# Markers stay when a comment or trailing blanks follow the failing call on its line.
def fail(): return None.attribute
items = [fail]
items[0]()   # the call
