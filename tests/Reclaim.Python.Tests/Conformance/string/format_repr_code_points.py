# repr/ascii of astral and lone-surrogate text, widths and fills in format/% counting code points, isX on astral characters.
e = "\U0001F600"
print(repr(format(e, "5")), repr(format(e, "^5")), repr("%5s|" % e), repr("%-4s|" % e), repr("{:*>4}".format(e)), repr(f"{e:.1}"), repr("%.1s" % (e+"x")))
print(repr(format("ab", "\U0001F601^6")))
print(repr(e), ascii(e), repr("\ud800"), ascii("\ud800x"), repr("a\udfffb"), repr("\U000e0001"), repr("\U00010000"), ascii("\xe9\u20ac"))
print(repr([e, "\udc80"]))
for c in ["\U0001D400", "\U0001D7CE", "\U00010400", "\U0001F600", "\U00020000", "\U0001D7CE\U0001D7CF", "\U00010428", "\ud800"]:
    print(ascii(c), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalnum(), c.isupper(), c.islower(), c.isprintable(), c.isidentifier(), c.isspace())
print(repr("%c|%3c" % ("\U0001F600", "\U0001F600")))
print(repr("\x85\xa0\u200b\u2028\ue000 \x7f"), ascii("\U0001F600\ud800"), repr("'\U0001F600\""))
print(repr("{:\U0001F600<4}|{:.2}|{:>3.1}".format("a", "\U0001F600\U0001F601x", "\U0001F600z")))
print("\U0001F600".isprintable(), "".isprintable(), "\ud800".isprintable(), "\U000e0001".isprintable(), "a\U0001D400".isidentifier())
