# A bare raise in a function called from a handler re-raises without an entry for that function.
def rethrow():
    print("rethrowing")
    raise
try:
    {}["k"]
except KeyError:
    rethrow()
