import atexit
state = {"n": 1}
def show():
    print("state", state)
atexit.register(show)
state["n"] = 2
