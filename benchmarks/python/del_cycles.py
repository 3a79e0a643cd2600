"""del_cycles: a million objects with __del__ in cycles, found and finalised by the cycle collector.

Pairs of objects refer to each other (500,000 pairs, a million finalizers), built in batches; each batch's list
is dropped and gc.collect() must find every pair, run every __del__ once (PEP 442) and free them. Automatic
collection is off so that the explicit collections do all the work and the counts are exact.
"""
import gc
import sys
import time

PAIRS_PER_BATCH = 5000


class Partner:
    finalized = 0

    def __init__(self):
        self.other = None

    def __del__(self):
        Partner.finalized += 1


def make_pairs(count):
    pairs = []
    for _ in range(count):
        first = Partner()
        second = Partner()
        first.other = second
        second.other = first
        pairs.append(first)
    return pairs


def run(batches):
    collected_total = 0
    for batch in range(batches):
        pairs = make_pairs(PAIRS_PER_BATCH)
        del pairs
        if Partner.finalized != batch * 2 * PAIRS_PER_BATCH:
            raise SystemExit("del_cycles: a cycle was finalized before any collection")
        collected_total += gc.collect()
        if Partner.finalized != (batch + 1) * 2 * PAIRS_PER_BATCH:
            raise SystemExit("del_cycles: batch " + str(batch) + " left " + str((batch + 1) * 2 * PAIRS_PER_BATCH - Partner.finalized) + " finalizers unrun")
    return collected_total


def main():
    batches = 10 if "--quick" in sys.argv[1:] else 100
    gc.disable()
    gc.collect()
    start = time.perf_counter()
    collected = run(batches)
    elapsed = time.perf_counter() - start
    expected = batches * 2 * PAIRS_PER_BATCH
    if collected != expected:
        raise SystemExit("del_cycles: the collections reported " + str(collected) + " objects, expected " + str(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
