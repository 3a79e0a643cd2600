import gc
stats = gc.get_stats()
print(len(stats))
print(sorted(stats[0]))
