try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise ValueError("outer") from e
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)
raise RuntimeError("x") from KeyError("y")
