class Point:
    __slots__ = ("x", "y")
p = Point()
p.x
