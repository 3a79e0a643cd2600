class Base:
    registry = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Base.registry.append((cls.__name__, tag))
class X(Base, tag="x"): pass
class Y(Base): pass
print(Base.registry)
