# A failing decorator is marked at its name under the @.
def register(func):
    raise RuntimeError("cannot register " + func.__name__)
@register
def handler():
    pass
