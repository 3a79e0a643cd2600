print("ab" * 3, "b" in "abc", "" in "x", "abc" < "abd", "Z" < "a", max(["b", "a"]))
