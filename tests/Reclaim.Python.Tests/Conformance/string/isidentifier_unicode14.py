# str.isidentifier() decides by Unicode 14's XID_Start / XID_Continue (CPython 3.11's tables), the same rule the
# tokenizer reads names by: characters whose NFKC form is no name character are refused, characters assigned after
# Unicode 14 are not letters yet, and the check is by code point (a lone surrogate is never a name character).
starts = 0
continues = 0
start_sum = 0
continue_sum = 0
for code in range(0x80, 0x20000):
    if 0xD800 <= code <= 0xDFFF:
        continue
    c = chr(code)
    if c.isidentifier():
        starts += 1
        start_sum += code
    if ("a" + c).isidentifier():
        continues += 1
        continue_sum += code
print(starts, start_sum, continues, continue_sum)

for text in ["", "_", "a1", "1a", "a b", "é", "ﬁ", "℘x", "·", "a·", "ͺ", "aͺ", "𝐀𝐁", "a\U0001e030", "\U0001e030",
             "a\ud800", "\ud800", "ǅ", "Ⅻ", "a\u0301", "\u0301", "a_1_é"]:
    print(ascii(text), text.isidentifier())
