try:
    raise OSError(2, "No such file")
except OSError as e:
    print(e.errno, e.strerror, str(e))
