try:
    {}["a"]
except KeyError:
    raise ValueError("hidden context") from None
