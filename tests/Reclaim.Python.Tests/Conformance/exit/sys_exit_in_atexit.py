import atexit, sys
def f():
    print("atexit runs")
    sys.exit(9)
atexit.register(f)
print("main")
