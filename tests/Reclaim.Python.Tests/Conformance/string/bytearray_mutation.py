# bytearray is mutable: item and slice assignment, append/extend/pop/insert/remove, +=.
ba = bytearray(b"hello")
ba[0] = 72
ba[1:3] = b"EY"
ba.append(33)
ba.extend([63, 63])
ba += b"."
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 106)
ba.remove(33)
del ba[-1]
print(ba, ba.upper(), bytes(ba), ba.copy() == ba)
ba.reverse()
print(ba)
for bad in [lambda: ba.append(300), lambda: ba.remove(0), lambda: hash(ba), lambda: bytearray().pop()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
