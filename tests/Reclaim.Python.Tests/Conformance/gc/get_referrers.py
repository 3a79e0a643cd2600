import gc
class A: pass
target = A()
holder = [target]
print(any(r is holder for r in gc.get_referrers(target)))
