# An error inside an except clause: the handled exception's traceback, then the new one.
data = [1, 2, 3]
try:
    data[10]
except IndexError:
    data.missing_method()
