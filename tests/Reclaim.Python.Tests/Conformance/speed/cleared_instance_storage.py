# A dying instance's attributes are released without allocating new storage; the instance can still take
# attributes afterwards (a __del__ that resurrects it, a cycle member cleared by the collector).
import gc
import weakref


class Node:
    pass


class Keeper:
    def __del__(self):
        global kept
        kept = self
        self.later = "set in __del__"
        print("__del__ sees", sorted(vars(self)))


def callback(ref):
    print("callback: referent gone", ref() is None)


for n in range(3):
    a, b = Node(), Node()
    a.x, a.items, a.partner = n, [n], b
    b.partner, b.value = a, n * 2
    ref = weakref.ref(a, callback)
    del a, b
    print("collected", gc.collect() > 0)

k = Keeper()
k.x = 1
del k
print(kept.later, kept.x)
kept.more = 5
kept.x += 1
print(sorted(vars(kept)), kept.x)

dying = [Node() for _ in range(1000)]
for i, d in enumerate(dying):
    d.i, d.j, d.k, d.m, d.n = i, -i, str(i), [i], (i,)
total = sum(d.i + d.j + len(d.k) for d in dying)
del dying
print("total", total)
