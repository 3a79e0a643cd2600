def f():
    try:
        raise ValueError("orig")
    except ValueError:
        print("logging")
        raise
f()
