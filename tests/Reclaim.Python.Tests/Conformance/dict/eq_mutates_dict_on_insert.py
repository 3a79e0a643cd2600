class Evil:
    def __init__(self, d): self.d = d
    def __hash__(self): return 7
    def __eq__(self, other):
        self.d.clear()
        self.d["fresh"] = 1
        return False
d = {}
d[Evil(d)] = 1
d[Evil(d)] = 2
print(sorted(map(str, d.values())), len(d))
e = {}
e[Evil(e)] = "x"
print(e.get(Evil(e), "missing"), len(e))
