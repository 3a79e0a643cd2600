import gc
gc.collect()
class N: pass
nodes = [N() for _ in range(10)]
for i, n in enumerate(nodes):
    n.next = nodes[(i + 1) % 10]
del nodes, n
print(gc.collect())
