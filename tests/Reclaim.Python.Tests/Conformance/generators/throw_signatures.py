# The three forms of generator.throw() in 3.11 and their type checks.
def g():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)

it = g()
next(it)
it.throw(ValueError)
it.throw(ValueError, "msg")
it.throw(ValueError, ("a", 1))
it.throw(ValueError, ValueError("inst"))
it.throw(KeyError("k"))
it.throw(TypeError, None, None)
for bad in [(1,), (ValueError("x"), 1), (ValueError, 1, 2), (int,)]:
    try:
        it.throw(*bad)
    except TypeError as e:
        print("TypeError:", e)
print(it.gi_frame is not None)
it.close()
print(it.gi_frame)
