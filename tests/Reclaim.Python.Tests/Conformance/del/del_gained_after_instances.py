# A __del__ given to a class (or a base) after instances exist runs for them; one taken away does not; subclasses of
# built-in containers and exceptions run theirs; __class__ assignment moves an instance to its new class's __del__.
class Base: pass
class Child(Base): pass
early = [Child(), Base(), Child()]
for i, obj in enumerate(early):
    obj.n = i
Base.__del__ = lambda self: print("Base.__del__ for", type(self).__name__, self.n)
print("dropping early")
early = None
print("after early")
setattr(Child, "__del__", lambda self: print("Child.__del__", self.n))
c = Child(); c.n = 9
c = None
del Child.__del__
c = Child(); c.n = 10
c = None
del Base.__del__
c = Child(); c.n = 11
c = None
print("no more __del__")
class L(list):
    def __del__(self): print("L dies with", list(self))
class D(dict):
    def __del__(self): print("D dies with", dict(self))
class E(Exception):
    def __del__(self): print("E dies with", self.args)
L([1, 2]); D(a=1)
try:
    raise E("boom")
except E as e:
    print("handled", e)
print("after handler")
class Mortal:
    def __del__(self): print("Mortal.__del__")
class Plain: pass
m = Mortal(); m.__class__ = Plain; m = None
p = Plain(); p.__class__ = Mortal; p = None
class Later: pass
cycle = Later(); cycle.self = cycle
Later.__del__ = lambda self: print("cycle member finalized")
cycle = None
import gc
print("collected", gc.collect())
print("end")
