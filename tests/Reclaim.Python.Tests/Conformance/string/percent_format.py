# printf-style formatting: widths, flags, precision, * and mappings.
print("%5s|%-5s|%.2s|%5.1f|%-8.3e|%+d|% d|%05d|%x|%#X|%#o|%c%c" % ("ab", "cd", "xyz", 3.14159, 1234.5, 5, 5, -42, 255, 255, 8, 65, "b"))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%(name)s is %(age)d" % {"name": "Ada", "age": 36}, "%%d" % (), "%r" % "q")
print("%d %i %u" % (3.9, -3.9, 7), "%s" % (1,), "%s" % [1, 2], "%a" % "é")
for args in [("a", "b"), (), ("x",)]:
    try:
        print("%s %s" % args)
    except TypeError as e:
        print("TypeError", e)
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%z" % 1
except ValueError as e:
    print("ValueError", e)
