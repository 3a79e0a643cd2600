# A generator that yields in answer to GeneratorExit while being collected: reported as unraisable.
import gc

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring GeneratorExit")
        yield 2

it = stubborn()
next(it)
del it
print("after del")

def raising():
    try:
        yield 1
    finally:
        raise ValueError("in finally")

it = raising()
next(it)
it = None
print("after raising")
gc.collect()
print("end")
