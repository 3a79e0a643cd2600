# Each comparison drops its left operand before its right one (COMPARE_OP, IS_OP, CONTAINS_OP), even when it
# raises; a falsy link of a chain is the chain's value, tested once in a condition.
class T:
    def __init__(self, name, ret=True):
        self.name = name
        self.ret = ret
    def __del__(self):
        print("del", self.name)
    def __lt__(self, other):
        print("lt", self.name)
        return self.ret
    def __eq__(self, other):
        print("eq", self.name)
        raise ValueError(self.name)
    __hash__ = object.__hash__

class Falsy:
    def __bool__(self):
        print("bool Falsy")
        return False
    def __repr__(self):
        return "Falsy()"
    def __del__(self):
        print("del Falsy")

def mk(name, ret=True):
    return T(name, ret)

print("single")
print(mk("a") < mk("b"))
print("identity")
print(mk("a") is mk("b"))
print("in")
print(mk("a") in [])
print("chain true")
print(mk("a") < mk("b") < mk("c"))
print("chain false middle")
print(mk("a", False) < mk("b") < mk("c"))
print("chain falsy object")
r = mk("a", Falsy()) < mk("b") < mk("c")
print("result", r)
del r
print("raises")
try:
    mk("a") == mk("b")
except ValueError as e:
    print("caught", e)
print("if single")
if mk("a") < mk("b"):
    print("then")
print("if identity")
if mk("a") is not mk("b"):
    print("then")
print("if raises")
try:
    if mk("a") == mk("b"):
        pass
except ValueError as e:
    print("caught", e)
print("if chain")
if mk("a") < mk("b") < mk("c"):
    print("then")
print("if chain falsy object")
if mk("a", Falsy()) < mk("b") < mk("c"):
    print("then")
print("chain raising truth")
class Bad:
    def __bool__(self):
        raise RuntimeError("no truth")
    def __del__(self):
        print("del Bad")
try:
    if mk("a", Bad()) < mk("b") < mk("c"):
        pass
except RuntimeError as e:
    print("caught", e)
try:
    x = mk("a", Bad()) < mk("b") < mk("c")
except RuntimeError as e:
    print("caught", e)
print("done")
