data = [1, 5, 3]
if any((big := v) > 4 for v in data):
    print("found", big)
