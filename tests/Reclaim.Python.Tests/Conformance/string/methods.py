s = "  Hello, World  "
print(s.strip(), s.lower(), s.upper(), s.strip().split(", "), "-".join(["a", "b"]))
print("abc".startswith("ab"), "abc".endswith("bc"), "abcabc".find("c"), "abcabc".rfind("c"), "abc".find("z"))
print("a,b,,c".split(","), "a b  c".split(), "x".center(5, "*"), "42".zfill(5), "ab".replace("a", "A"))
print("Hello".swapcase(), "hello world".title(), "abc".isalpha(), "123".isdigit(), " ".isspace())
