# Case conversion follows Unicode's full mappings, as CPython's str does.
print("straße".upper(), "ﬁne".upper(), "Straße".casefold(), "ΣΑΣ".lower(), "ΟΔΟΣ ΟΔΟΣ".lower())
print("hello world".title(), "they're bill's".title(), "HELLO".swapcase(), "ß".swapcase(), "aBc".capitalize(), "ßa".capitalize())
print("Title Case".istitle(), "Not title".istitle(), "ABC".isupper(), "abc1".islower(), "中".isupper(), "".islower())
print("٣".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "a_1".isidentifier(), "1a".isidentifier(), "\t".isprintable(), "abc".isascii())
print(ascii("naïve ☃ \U0001F600"), ascii(["é"]), f"{'é'!a}")
