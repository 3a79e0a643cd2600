import weakref
class F:
    def __call__(self, *args, **kw): return ("called", args, sorted(kw))
f = F()
p = weakref.proxy(f)
print(type(p) is weakref.CallableProxyType, callable(p))
print(p(1, 2, k=3))
def g(x): return x + 1
print(weakref.proxy(g)(41))
