# The traceback as programs walk it: tb_next, tb_lineno, tb_frame.f_code.co_name, f_lineno.
import sys
def inner():
    raise KeyError("k")
def outer():
    inner()
try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    print(tb is e.__traceback__, sys.exc_info()[2] is tb)
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, type(tb).__name__)
        tb = tb.tb_next
    print(e.with_traceback(None).__traceback__)
    try:
        raise e
    except KeyError:
        print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
