try:
    raise ValueError("plain")
except (TypeError, ValueError) as e:
    print("tuple catch", type(e).__name__)
