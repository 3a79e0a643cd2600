# throw() and close() are forwarded to the delegate; GeneratorExit closes it first.
def inner():
    try:
        while True:
            try:
                v = yield "inner"
                print("inner got", v)
            except KeyError as e:
                print("inner handled", e)
    finally:
        print("inner finally")

def outer():
    try:
        result = yield from inner()
        print("result", result)
    finally:
        print("outer finally")

it = outer()
print(next(it))
print(it.send(1))
print(it.throw(KeyError("k")))
print(type(it.gi_yieldfrom).__name__)
it.close()
print(it.gi_yieldfrom)
