# send() of a non-None value into yield from a plain iterator needs a send method.
class Plain:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        return self.i

def g():
    yield from Plain()

it = g()
print(next(it))
try:
    it.send(5)
except AttributeError as e:
    print("AttributeError:", e)
print(it.gi_frame)

class Echo:
    def __iter__(self):
        return self
    def __next__(self):
        return "next"
    def send(self, v):
        if v == "stop":
            raise StopIteration("done:" + v)
        return "echo " + str(v)

def h():
    r = yield from Echo()
    yield r

it = h()
print(next(it), it.send(1), it.send("stop"))
