print("{} {}".format("a", 1), "{1}{0}".format("x", "y"), "{name:>5}".format(name="ab"))
print("{:08.3f}|{:,}|{:b}|{:o}|{:e}|{:%}".format(3.14159, 1234567, 5, 8, 12345.678, 0.25))
print("%s %d %.2f %r %5s|%-5s|" % ("s", 42, 2.5, "r", "ab", "cd"))
