# str()'s argument checks: too many arguments, decoding without bytes, and the encoding forms.
for args in [(), (1,), (b"ab", "ascii"), (b"a\xffb", "ascii", "replace"), (1, 2, 3, 4), (1, "utf-8")]:
    try:
        print(repr(str(*args)))
    except TypeError as e:
        print("TypeError:", e)
