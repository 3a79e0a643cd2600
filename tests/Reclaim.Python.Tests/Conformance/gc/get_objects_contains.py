import gc
class Marker: pass
m = Marker()
print(any(o is m for o in gc.get_objects()))
