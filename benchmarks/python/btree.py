"""btree: a large B-tree of records, built in random order, partly rebuilt, then walked and searched.

The shape of pyperformance's newer btree benchmark: 200,000 records (six attributes: an int, a str, a bytes of up
to 99 bytes, a float, an interned str and a None/True/False), inserted by shuffled key into a B-tree of minimum
degree 16 whose nodes use __slots__; the lowest 20% of keys are deleted and inserted again, so the heap is large,
interconnected and fragmented; then a gc.collect(), an in-order walk summing one attribute, and random look-ups.
Random numbers come from a small LCG (the program has no random module). The sums and counts are checked.
"""
import gc
import sys
import time

DEGREE = 16
REBUILT_FRACTION = 0.2


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return self.state >> 33

    def below(self, n):
        return self.next() % n

    def unit(self):
        return self.next() / 2147483648.0


class Node:
    __slots__ = ["items", "children"]

    def __init__(self):
        self.items = []
        self.children = None

    def is_leaf(self):
        return self.children is None

    def is_full(self):
        return len(self.items) == 2 * DEGREE - 1

    def position(self, key):
        low, high = 0, len(self.items)
        while low < high:
            middle = (low + high) // 2
            if self.items[middle][0] < key:
                low = middle + 1
            else:
                high = middle
        return low

    def __iter__(self):
        if self.is_leaf():
            yield from self.items
        else:
            for index, item in enumerate(self.items):
                yield from self.children[index]
                yield item
            yield from self.children[-1]

    def find(self, key):
        node = self
        while True:
            index = node.position(key)
            if index < len(node.items) and node.items[index][0] == key:
                return node.items[index]
            if node.is_leaf():
                return None
            node = node.children[index]

    def split_child(self, index):
        child = self.children[index]
        sibling = Node()
        middle = child.items[DEGREE - 1]
        sibling.items = child.items[DEGREE:]
        child.items = child.items[:DEGREE - 1]
        if not child.is_leaf():
            sibling.children = child.children[DEGREE:]
            child.children = child.children[:DEGREE]
        self.items.insert(index, middle)
        self.children.insert(index + 1, sibling)

    def insert_nonfull(self, item):
        node = self
        while True:
            index = node.position(item[0])
            if index < len(node.items) and node.items[index][0] == item[0]:
                node.items[index] = item
                return
            if node.is_leaf():
                node.items.insert(index, item)
                return
            if node.children[index].is_full():
                node.split_child(index)
                if item[0] > node.items[index][0]:
                    index += 1
                elif item[0] == node.items[index][0]:
                    node.items[index] = item
                    return
            node = node.children[index]

    def min_item(self):
        node = self
        while not node.is_leaf():
            node = node.children[0]
        return node.items[0]

    def max_item(self):
        node = self
        while not node.is_leaf():
            node = node.children[-1]
        return node.items[-1]

    def delete(self, key):
        """Deletes key from the subtree, keeping every node it descends into above the minimum (CLRS 18.3)."""
        index = self.position(key)
        found = index < len(self.items) and self.items[index][0] == key
        if self.is_leaf():
            if not found:
                raise KeyError(key)
            del self.items[index]
            return
        if found:
            left, right = self.children[index], self.children[index + 1]
            if len(left.items) >= DEGREE:
                replacement = left.max_item()
                left.delete(replacement[0])
                self.items[index] = replacement
            elif len(right.items) >= DEGREE:
                replacement = right.min_item()
                right.delete(replacement[0])
                self.items[index] = replacement
            else:
                self.merge(index)
                left.delete(key)
            return
        child = self.children[index]
        if len(child.items) < DEGREE:
            index = self.fill(index)
            child = self.children[index]
        child.delete(key)

    def merge(self, index):
        left, right = self.children[index], self.children[index + 1]
        left.items = left.items + [self.items[index]] + right.items
        if not left.is_leaf():
            left.children = left.children + right.children
        del self.items[index]
        del self.children[index + 1]

    def fill(self, index):
        """Gives child index at least DEGREE items by borrowing from a sibling or merging; returns its new index."""
        child = self.children[index]
        if index > 0 and len(self.children[index - 1].items) >= DEGREE:
            lender = self.children[index - 1]
            child.items.insert(0, self.items[index - 1])
            self.items[index - 1] = lender.items.pop()
            if not lender.is_leaf():
                child.children.insert(0, lender.children.pop())
            return index
        if index < len(self.children) - 1 and len(self.children[index + 1].items) >= DEGREE:
            lender = self.children[index + 1]
            child.items.append(self.items[index])
            self.items[index] = lender.items.pop(0)
            if not lender.is_leaf():
                child.children.append(lender.children.pop(0))
            return index
        if index > 0:
            self.merge(index - 1)
            return index - 1
        self.merge(index)
        return index


class BTree:
    __slots__ = ["root"]

    def __init__(self):
        self.root = Node()

    def __setitem__(self, key, value):
        if self.root.is_full():
            old = self.root
            self.root = Node()
            self.root.children = [old]
            self.root.split_child(0)
        self.root.insert_nonfull((key, value))

    def __delitem__(self, key):
        self.root.delete(key)
        if not self.root.items and not self.root.is_leaf():
            self.root = self.root.children[0]

    def get(self, key, default=None):
        item = self.root.find(key)
        return default if item is None else item[1]

    def __iter__(self):
        for key, _ in self.root:
            yield key


class Record:
    def __init__(self, a, b, c, d, e, f):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f


def make_records(count, rng):
    choices = [None, True, False]
    records = []
    for key in range(count):
        records.append(Record(key, "node " + str(key), bytes(key % 100), rng.unit(),
                              sys.intern(str(rng.below(31))), choices[rng.below(3)]))
    return records


def make_tree(records, rng):
    count = len(records)
    keys = list(range(count))
    for index in range(count - 1, 0, -1):
        other = rng.below(index + 1)
        keys[index], keys[other] = keys[other], keys[index]
    tree = BTree()
    for key in keys:
        tree[key] = records[key]
    rebuilt = range(int(count * REBUILT_FRACTION))
    for key in rebuilt:
        del tree[key]
    for key in rebuilt:
        tree[key] = records[key]
    return tree


def run(records):
    rng = Lcg(1)
    tree = make_tree(records, rng)
    gc.collect()
    walked = 0
    total = 0.0
    previous = -1
    for key in tree:
        if key != previous + 1:
            raise SystemExit("btree: the walk went from key " + str(previous) + " to " + str(key))
        previous = key
        walked += 1
        total += tree.get(key).d
    found = 0
    for _ in range(max(200, len(records) // 20)):
        record = tree.get(rng.below(len(records) + 1))
        if record is not None:
            found += 1
    return walked, total, found


def main():
    count = 20000 if "--quick" in sys.argv[1:] else 200000
    records = make_records(count, Lcg(0))
    expected_total = 0.0
    for record in records:
        expected_total += record.d
    start = time.perf_counter()
    walked, total, found = run(records)
    elapsed = time.perf_counter() - start
    expected_found = 999 if count == 20000 else 10000
    if walked != count or abs(total - expected_total) > 1e-6 or found != expected_found:
        raise SystemExit("btree: walked " + str(walked) + " of " + str(count) + " keys, sum " + repr(total) + " (expected "
                         + repr(expected_total) + "), found " + str(found) + " of " + str(expected_found) + " looked up")
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
