class Bad:
    def __hash__(self): raise RuntimeError("no hash")
d = {}
try:
    d[Bad()] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
