"""del_refcount: a million objects with __del__, each dying the moment its last reference goes.

Objects are made in batches of 1,000, held in a list, and dropped by clearing the list, so every finalizer runs
from a reference-count release, never from the cycle collector. Each finalizer counts itself on its class; the
program checks that all of them ran, exactly when the batch was dropped.
"""
import sys
import time

BATCH = 1000


class Noted:
    finalized = 0

    def __init__(self, value):
        self.value = value

    def __del__(self):
        Noted.finalized += 1


def run(batches):
    for batch in range(batches):
        held = [Noted(index) for index in range(BATCH)]
        if Noted.finalized != batch * BATCH:
            raise SystemExit("del_refcount: " + str(Noted.finalized) + " finalized before batch " + str(batch) + " was dropped")
        held.clear()
        if Noted.finalized != (batch + 1) * BATCH:
            raise SystemExit("del_refcount: clearing batch " + str(batch) + " left finalizers unrun")
    # One object at a time too: the temporary dies when the expression statement ends.
    for index in range(batches * BATCH // 10):
        Noted(index)
    return Noted.finalized


def main():
    batches = 100 if "--quick" in sys.argv[1:] else 1000
    start = time.perf_counter()
    finalized = run(batches)
    elapsed = time.perf_counter() - start
    expected = batches * BATCH + batches * BATCH // 10
    if finalized != expected:
        raise SystemExit("del_refcount: " + str(finalized) + " finalizers ran, expected " + str(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
