def g():
    x = yield "first"
    while True:
        x = yield f"got {x}"
it = g()
print(next(it))
print(it.send(1))
print(it.send("two"))
