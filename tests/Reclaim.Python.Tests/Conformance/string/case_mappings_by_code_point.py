# str's case methods by code point with CPython 3.11's (Unicode 14) full mappings: titlecase digraphs, SpecialCasing
# expansions, mappings that do not map back (long s, dotless i), astral letters, Other_Uppercase/Other_Lowercase.
tests = ['ǅemal', 'ǆemal', 'Ǆemal', 'hello world', "they're bill's", 'ﬁnance', 'ßa', '𐐨𐐩 𐐪', 'ǈ ǉ', 'a1b2', 'ῼ', 'ᾳ', 'ΑΣ ΑΣΑ', 'İstanbul', 'ıi', 'ŉ', 'ǰ', 'ΐ', 'ﬃ', 'ſ', 'µ', 'ß'.upper(), 'straße', '\ud800a', 'a\udc00b', 'ÀÉÎ õü', 'ǲ', '𝔄bc', 'Ⅻ ⅻ', 'ⓐⓑ', 'ꭰꭱ', '𞤀𞤢']
for t in tests:
    print(ascii(t), ascii(t.title()), ascii(t.capitalize()), ascii(t.swapcase()), ascii(t.upper()), ascii(t.lower()), ascii(t.casefold()), t.istitle(), t.isupper(), t.islower())
