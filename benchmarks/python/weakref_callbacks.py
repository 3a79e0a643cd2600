"""weakref_callbacks: a million referents, each with a weak reference whose callback runs when it dies.

Referents are made in batches of 1,000, each with weakref.ref(referent, callback); dropping the batch runs every
callback (by reference count) with the dead weak reference, which must by then return None. A second pass makes
the referents cyclic so that the collector clears the weak references and runs the callbacks.
"""
import gc
import sys
import time
import weakref

BATCH = 1000


class Referent:
    def __init__(self):
        self.partner = None


class Tally:
    def __init__(self):
        self.calls = 0
        self.still_alive = 0

    def callback(self, reference):
        self.calls += 1
        if reference() is not None:
            self.still_alive += 1


def run(batches, tally):
    callback = tally.callback
    for _ in range(batches):
        referents = [Referent() for _ in range(BATCH)]
        references = [weakref.ref(referent, callback) for referent in referents]
        referents.clear()
        if references[0]() is not None or references[-1]() is not None:
            raise SystemExit("weakref_callbacks: a weak reference outlived its referent")
    gc.disable()
    for _ in range(batches // 10):
        referents = [Referent() for _ in range(BATCH)]
        for referent in referents:
            referent.partner = referent
        del referent  # the loop variable would otherwise keep the last one alive past its weak reference
        references = [weakref.ref(referent, callback) for referent in referents]
        referents.clear()
        gc.collect()
    gc.enable()
    return tally.calls


def main():
    batches = 100 if "--quick" in sys.argv[1:] else 1000
    tally = Tally()
    start = time.perf_counter()
    calls = run(batches, tally)
    elapsed = time.perf_counter() - start
    expected = batches * BATCH + (batches // 10) * BATCH
    if calls != expected or tally.still_alive != 0:
        raise SystemExit("weakref_callbacks: " + str(calls) + " callbacks (expected " + str(expected) + "), "
                         + str(tally.still_alive) + " saw a live referent")
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
