# A str is a sequence of code points: an astral character (one surrogate pair inside .NET) is one character.
s = "a😀b€c🎉"
print(len(s), len("😀"), len(""), len("plain"))
print(s[1], s[-1], s[2], s[-2])
print(s[1:4], s[::-1], s[::2], s[1::3], s[-3:])
print([c for c in s], list("x🎉y"))
print(ord("😀"), ord("€"), hex(ord(s[5])))
print(chr(128512) == "😀", len(chr(0x10FFFF)), len(chr(0xD800)), ord(chr(0xDC00)))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord("😀😀"), lambda: ord(""), lambda: s[6], lambda: "😀"[-2]]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
# Code-point order: every astral character sorts after every BMP one, U+FFFD included.
words = ["\ufffd", "😀", "\ue000", "z", "🎉", "\uffff"]
print([hex(ord(w)) for w in sorted(words)])
print("\uffff" < "😀", "😀" > "\ue000", max(words) == "😀", min("a😀") == "a")
print(sorted("b😀a\uffff") == ["a", "b", "\uffff", "😀"])
n = 0
for ch in "😀" * 3 + "x":
    n += 1
print(n, len("😀" * 3 + "x"), ("😀" * 3)[1:], "x😀y"[1])
