# A traceback keeps the frames an exception left, and their locals: they die with the exception, in CPython's order.
import sys
class Noisy:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
def inner():
    x = Noisy("inner-local")
    raise ValueError("inner")
def outer():
    y = Noisy("outer-local")
    inner()
try:
    outer()
except ValueError as e:
    print("handling", e)
print("handler done")
try:
    outer()
except ValueError as e:
    saved = e
print("saved exception still holds the frames")
saved = None
print("after saved = None")
def handled_inside():
    z = Noisy("handled-local")
    try:
        raise KeyError("k")
    except KeyError:
        pass
    return "returned"
print(handled_inside())
def keeps_tb():
    w = Noisy("tb-local")
    raise RuntimeError("tb")
try:
    keeps_tb()
except RuntimeError:
    tb = sys.exc_info()[2]
print("frame name", tb.tb_next.tb_frame.f_code.co_name)
del tb
print("tb dropped")
def cycle():
    c = Noisy("cycle-local")
    try:
        raise TypeError("t")
    except TypeError as err:
        c.err = err
        raise
try:
    cycle()
except TypeError:
    pass
import gc
print("before collect")
gc.collect()
print("end")
