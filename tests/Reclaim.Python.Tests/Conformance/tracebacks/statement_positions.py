# What each failing statement points at: assignment targets, augmented assignment, del, assert and with.
class Probe:
    def __init__(self, fn):
        self.fn = fn
    def __del__(self):
        self.fn()
class Box:
    pass
def unpack(): a, b, c = [1, 2]
def attr_target(): Box().x.y = 1
def aug_item(): d = {}; d["n"] += 1
def aug_op(): n = 1; n += "s"
def delete(): b = Box(); del b.nothing
def assert_compare(): x = 3; assert x == 4, "x"
def assert_other(): x = 0; assert x + 0, "x"
def with_bad(): 
    with 5: pass
Probe(unpack)
Probe(attr_target)
Probe(aug_item)
Probe(aug_op)
Probe(delete)
Probe(assert_compare)
Probe(assert_other)
Probe(with_bad)
print("done")
