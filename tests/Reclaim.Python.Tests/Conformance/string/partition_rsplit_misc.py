# partition, rsplit, removeprefix/suffix, expandtabs, splitlines(keepends), replace with a count.
s = "a=b=c"
print(s.partition("="), s.rpartition("="), s.partition("x"), s.rpartition("x"))
print("a b  c ".rsplit(), "a,b,c".rsplit(",", 1), "  x y z ".rsplit(None, 1), "a,,b".rsplit(","))
print("prefix_x".removeprefix("prefix_"), "x.py".removesuffix(".py"), "x".removesuffix(""))
print(repr("a\tb\tc".expandtabs(4)), repr("ab\tc".expandtabs()), "one\ntwo\r\nthree".splitlines(), "x\ny\n".splitlines(True))
print("aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abcabc".rindex("b"), "{a}-{b}".format_map({"a": 1, "b": 2}))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".rindex("z")
except ValueError as e:
    print("ValueError", e)
