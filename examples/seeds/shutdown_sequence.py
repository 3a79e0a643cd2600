# Seed 003 (daemon threads after finalization), as far as it is expressible without threads: the order of
# Py_FinalizeEx that the daemon threads ran into. atexit callbacks run last-registered-first (weakref.finalize
# registers its own exit hook when the first finalize object is made, so here it runs first), then __main__'s
# globals are torn down and a cycle hanging off a global is finalized; a finalizer running at shutdown can
# still print. A daemon thread would be turned away after this.
import atexit
import sys
import weakref

class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("finalizer of", self.name)

def goodbye(who):
    print("atexit:", who)

atexit.register(goodbye, "registered first")
atexit.register(goodbye, "registered last")

tracked = Resource("tracked")
weakref.finalize(tracked, print, "weakref.finalize of tracked")

looped = Resource("looped")
looped.me = looped                              # only the collector at exit can free it

plain = Resource("plain")
print("main done", file=sys.stdout)
