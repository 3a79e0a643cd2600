try:
    raise ValueError("v")
except Exception as e:
    print(f"{e!r} {e!s} {type(e).__name__}")
