def naturals():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("abandoned at", n)
for v in naturals():
    if v == 3:
        break
print("after loop")
