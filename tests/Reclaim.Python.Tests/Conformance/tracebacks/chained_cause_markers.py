# Both tracebacks of "raise ... from ..." carry their own markers.
def parse(text):
    try:
        return int(text) + {}["bad"]
    except KeyError as error:
        raise ValueError("cannot parse " + text) from error
parse("12")
