"""exceptions: exceptions raised and caught in a loop, through frames and with handlers of every kind.

Each step raises from a function two calls deep and catches it by class (with `as`, which unbinds the name),
re-raises with `from`, runs a `finally`, and lets StopIteration end a hand-written iterator; a tally of what
each handler saw is checked at the end.
"""
import sys
import time


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Countdown:
    def __init__(self, count):
        self.count = count

    def __iter__(self):
        return self

    def __next__(self):
        if self.count == 0:
            raise StopIteration
        self.count -= 1
        return self.count


def inner(value):
    if value % 3 == 0:
        raise AppError(value)
    if value % 3 == 1:
        raise KeyError(value)
    return {}[value]


def middle(value):
    try:
        return inner(value)
    except KeyError as error:
        raise ValueError(value) from error


def run(steps):
    app_errors = 0
    value_errors = 0
    with_cause = 0
    finallies = 0
    iterated = 0
    for step in range(steps):
        try:
            middle(step)
        except AppError as error:
            app_errors += error.code % 2
        except ValueError as error:
            value_errors += 1
            if isinstance(error.__cause__, KeyError):
                with_cause += 1
        finally:
            finallies += 1
        if step % 10 == 0:
            for item in Countdown(5):
                iterated += item
    return app_errors, value_errors, with_cause, finallies, iterated


def main():
    steps = 40000 if "--quick" in sys.argv[1:] else 400000
    start = time.perf_counter()
    result = run(steps)
    elapsed = time.perf_counter() - start
    threes = (steps + 2) // 3                 # steps that raise AppError
    odd_threes = (steps + 2) // 6             # of those, the odd codes
    expected = (odd_threes, steps - threes, steps - threes, steps, (steps + 9) // 10 * 10)
    if result != expected:
        raise SystemExit("exceptions: tallies " + repr(result) + ", expected " + repr(expected))
    print("#reclaim-bench timed_ms=" + repr(elapsed * 1000.0))


main()
