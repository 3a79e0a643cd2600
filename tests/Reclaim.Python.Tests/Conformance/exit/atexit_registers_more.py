import atexit
def later(): print("later")
def first():
    print("first")
    atexit.register(later)
atexit.register(first)
print("main")
