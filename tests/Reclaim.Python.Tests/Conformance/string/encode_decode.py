# str.encode and bytes.decode with the common codecs and error handlers.
s = "héllo ☃"
print(s.encode(), s.encode("utf-8"), "abc".encode("ascii"), "é".encode("latin-1"), "é".encode("utf-16"))
print(b"h\xc3\xa9".decode(), b"\xe9".decode("latin-1"), s.encode().decode("utf-8") == s, "x".encode("UTF8"))
print("é☃".encode("ascii", "replace"), "é☃".encode("ascii", "ignore"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
for bad in [lambda: "é".encode("ascii"), lambda: b"\xff".decode(), lambda: b"\xe2\x82".decode(), lambda: b"\xc3\x28".decode(),
            lambda: b"\x80".decode("ascii"), lambda: "x".encode("nope"), lambda: "☃".encode("latin-1")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(isinstance(UnicodeDecodeError("x"), ValueError) if False else issubclass(UnicodeDecodeError, ValueError))
