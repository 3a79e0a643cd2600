# gi_running while the body runs; re-entering a running generator is a ValueError; recursion through generators.
def g():
    print("running inside:", me.gi_running)
    try:
        me.send(None)
    except ValueError as e:
        print("ValueError:", e)
    yield 1

me = g()
print(me.gi_running)
print(next(me))
print(me.gi_running)

def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)

print(list(tree(3)))
print(sum(1 for _ in tree(10)))
