try:
    raise ValueError("x")
except ValueError as e:
    e2 = RuntimeError("y").with_traceback(e.__traceback__)
    print(e2.__traceback__ is e.__traceback__)
