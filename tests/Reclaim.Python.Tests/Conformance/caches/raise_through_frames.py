# Exceptions passed on between statements and frames without a .NET throw must behave as thrown ones: context,
# cause, finally order, handlers re-raising, exceptions inside finally, a __del__ that raises and catches while an
# exception is on its way, the traceback. (No object with __del__ lives in a raising frame: tracebacks here do not
# keep frames alive yet, see del/exception_traceback_keeps_frame.)

def deepest(n):
    if n == 0:
        raise KeyError(n)
    return deepest(n - 1) + 1


def middle():
    try:
        return deepest(2)
    except KeyError as error:
        raise ValueError("wrapped") from error
    finally:
        print("middle finally")


try:
    middle()
except ValueError as e:
    print("caught", repr(e), repr(e.__cause__), e.__suppress_context__)


def finally_raises():
    try:
        raise TypeError("first")
    finally:
        raise RuntimeError("second")


try:
    finally_raises()
except RuntimeError as e:
    print("context", repr(e.__context__))


def reraise():
    try:
        deepest(0)
    except KeyError:
        print("re-raising")
        raise


try:
    reraise()
except KeyError as e:
    print("again", repr(e))


def in_loop():
    for i in range(5):
        if i == 3:
            x = deepest(i - 3)
    return "unreachable"


try:
    in_loop()
except KeyError as e:
    print("loop", repr(e))


def args_fail():
    return max(1, deepest(0))


try:
    args_fail()
except KeyError as e:
    print("argument", repr(e))


class Bad:
    def __del__(self):
        try:
            raise OSError("inside __del__")
        except OSError:
            print("handled inside __del__")


def del_raises_while_unwinding(holder):
    try:
        raise IndexError("outer")
    finally:
        holder.pop()


try:
    del_raises_while_unwinding([Bad()])
except IndexError as e:
    print("outer survived", repr(e), repr(e.__context__))

import sys
sys.setrecursionlimit(300)


def bottomless(n):
    return bottomless(n + 1) + 1


try:
    bottomless(0)
except RecursionError as e:
    print("recursion", e)

