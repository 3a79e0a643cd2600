class Tail:
    def __del__(self): print("tail freed")
x = [Tail()]
for i in range(1000000):
    x = [x]
print("built")
x = None
print("freed")
