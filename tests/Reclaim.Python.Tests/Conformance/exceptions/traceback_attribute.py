def f():
    raise ValueError("tb")
try:
    f()
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
