class H:
    def __hash__(self): raise RuntimeError("no hash")
d = {1: "one"}
for op in (lambda: d[H()], lambda: d.__setitem__(H(), 1), lambda: H() in d, lambda: d.get(H()),
           lambda: d.pop(H(), None), lambda: {H(): 1}, lambda: {H()}):
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(d)
