import gc
class A: pass
a = A()
holder_list = [a]
holder_dict = {"x": a}
refs = gc.get_referrers(a)
print(any(r is holder_list for r in refs), any(r is holder_dict for r in refs))
