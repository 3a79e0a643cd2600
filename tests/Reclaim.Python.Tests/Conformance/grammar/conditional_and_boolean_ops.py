print(0 or "", [] or "default", 1 and 2, None and 1, not [])
print("a" if 0 else "b")
