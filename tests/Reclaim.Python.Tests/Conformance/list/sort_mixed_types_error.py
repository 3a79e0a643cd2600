[1, "a"].sort()
