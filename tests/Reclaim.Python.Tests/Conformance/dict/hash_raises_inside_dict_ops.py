# A __hash__ that raises inside a dict or set operation propagates and leaves the container intact.
class Bad:
    def __hash__(self):
        raise RuntimeError("no hash")

d = {"a": 1}
for op in [lambda: d.__setitem__(Bad(), 1), lambda: Bad() in d, lambda: d.get(Bad()), lambda: d.pop(Bad(), None), lambda: {Bad()}, lambda: {1}.add(Bad())]:
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError", e)
print(d, len(d))
class Flip:
    def __init__(self): self.n = 0
    def __hash__(self): return 7
    def __eq__(self, other):
        self.n += 1
        return self is other
f = Flip()
s = {f}
print(f in s, Flip() in s, len(s))
