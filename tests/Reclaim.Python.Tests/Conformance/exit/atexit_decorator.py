import atexit
@atexit.register
def goodbye():
    print("goodbye")
print("main", goodbye.__name__)
