print(repr("tab\there"), repr("quote'"), repr('dq"'), repr("both'\""), repr("\n\x00\u00e9"))
print(ascii("é"), str(b"bytes"), repr(b"\x00ab"))
