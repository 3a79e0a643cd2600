# send/throw/close on fresh, suspended and finished generators (PEP 342).
def g():
    try:
        x = yield 1
        print("got", x)
        y = yield x * 2
        print("got", y)
    finally:
        print("cleanup")

it = g()
print(it.send(None))
print(it.send(5))
try:
    it.send("end")
except StopIteration as e:
    print("stop", e.args)
print(it.close())
try:
    it.send(None)
except StopIteration:
    print("exhausted send")
try:
    it.throw(ValueError("late"))
except ValueError as e:
    print("late throw propagates:", e)

fresh = g()
fresh.close()
try:
    next(fresh)
except StopIteration:
    print("closed before start: nothing ran")

fresh = g()
try:
    fresh.throw(KeyError("early"))
except KeyError as e:
    print("early throw:", e)
print(fresh.gi_frame)
