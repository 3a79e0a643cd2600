# The operator of a failing binary operation is marked ^ (two characters for //, ** and <<), operands ~.
class Probe:
    def __init__(self, fn):
        self.fn = fn
    def __del__(self):
        self.fn()
def floor(): a = 1; return (a) // 0
def power(): return 2 ** "x"
def shift(): return 1 << -1
def spaced(): return 7  %  0
def nested(): return 1 + 2 * "a" + 3
Probe(floor)
Probe(power)
Probe(shift)
Probe(spaced)
Probe(nested)
print("done")
