# str.encode/bytes.decode error handlers beyond strict/ignore/replace, with code-point positions in the errors.
s = "a\U0001F600\xe9\u20acz"
for codec in ("ascii", "latin-1"):
    for h in ("ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        print(codec, h, s.encode(codec, h))
for bad in ("\U0001F600\xe9x", "ab\U0001F600", "x\udc00\ud800y", "\xe9\u20acq\U0001F600"):
    for codec in ("ascii", "latin-1", "utf-8"):
        try:
            print(bad.encode(codec))
        except UnicodeEncodeError as e:
            print(codec, e)
lone = "a\udc80b\ud800"
print(lone.encode("utf-8", "surrogatepass"), lone.encode("utf-8", "backslashreplace"), lone.encode("utf-8", "xmlcharrefreplace"), lone.encode("utf-8", "ignore"), lone.encode("utf-8", "replace"))
print("a\udcff\udc80".encode("utf-8", "surrogateescape"), "a\udcff".encode("ascii", "surrogateescape"))
raw = b"a\xff\xc3(\xe2\x82z\x80"
for h in ("surrogateescape", "backslashreplace", "replace", "ignore"):
    out = raw.decode("utf-8", h)
    print(h, ascii(out), ascii(b"x\x80\xfe".decode("ascii", h)))
print(raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == raw)
for f in (lambda: "\ud800".encode("utf-8", "surrogateescape"), lambda: "\xe9".encode("ascii", "surrogatepass"), lambda: "\xe9".encode("ascii", "nosuch")):
    try:
        f()
    except (UnicodeEncodeError, LookupError) as e:
        print(type(e).__name__, e)
