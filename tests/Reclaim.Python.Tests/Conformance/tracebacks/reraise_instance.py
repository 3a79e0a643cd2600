# "raise err" adds entries in front of the ones the exception already had.
def work():
    return 1 / 0
try:
    work()
except ZeroDivisionError as e:
    err = e
print("saved")
raise err
