# A list comprehension runs in a frame of its own: both frames are marked.
def ratios(values):
    return [100 // v for v in values]
ratios([5, 4, 0])
