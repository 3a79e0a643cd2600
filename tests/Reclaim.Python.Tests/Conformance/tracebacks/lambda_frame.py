# A lambda's frame is named <lambda>; its body's attribute access is marked.
get = lambda item: item.name
print(sorted([3, 1], key=get))
