# Finalisation order: a suspended generator's finally runs when its last reference goes, before the next statement.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def g(name):
    local = Noisy(name + "-local")
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

a = g("a")
next(a)
print("dropping a")
a = None
print("after a")

b = g("b")
print("dropping unstarted b")
b = None
print("after b")

c = g("c")
list(c)
print("c exhausted, frame released:", c.gi_frame)
c = None
print("end")
