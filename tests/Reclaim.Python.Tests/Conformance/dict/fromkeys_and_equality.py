# dict.fromkeys on dict and a subclass, dict equality by value, and | / |= merging.
class D(dict):
    pass

d = D.fromkeys(["a", "b"], 0)
print(type(d).__name__, d, dict.fromkeys(range(3)))
print({1: "x", 2: "y"} == {2: "y", 1: "x"}, {1: [1]} == {1: [1]}, {1: 2} != {1: 3}, {} == [])
a = {"x": 1}
a |= {"y": 2}
print(a, a | {"x": 9}, {"k": 1} | a)
print(list(reversed({"p": 1, "q": 2, "r": 3})), list(reversed({"p": 1}.items())))
