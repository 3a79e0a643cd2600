for v in (0, 1):
    try:
        r = 10 / v
    except ZeroDivisionError:
        print("except")
    else:
        print("else", r)
    finally:
        print("finally")
