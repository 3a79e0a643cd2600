# 'a' and 'a+' write at the end whatever the position; 'x' creates or fails; 'w+' and 'r+' read and write.
with open("log.txt", "a") as f:
    print(repr(f), f.tell())
    f.write("one\n")
with open("log.txt", "a") as f:
    print(f.tell())
    f.write("two\n")
with open("log.txt", "a+") as f:
    print(repr(f), f.tell(), repr(f.read()))
    f.seek(0)
    print(repr(f.read()))
    f.seek(0)
    f.write("three\n")
    f.seek(0)
    print(repr(f.read()))

with open("new.txt", "x") as f:
    print(repr(f), f.writable(), f.readable())
    f.write("made")
try:
    open("new.txt", "x")
except FileExistsError as e:
    print(e)
with open("new2.txt", "x+") as f:
    f.write("x+ mode")
    f.seek(0)
    print(repr(f), repr(f.read()))

with open("rw.txt", "w+") as f:
    print(repr(f), f.readable(), f.writable())
    f.write("hello world")
    f.seek(6)
    print(repr(f.read()), f.tell())
with open("rw.txt", "r+") as f:
    f.write("HELLO")
    f.seek(0)
    print(repr(f.read()))
with open("rw.txt", "r+") as f:
    print(repr(f.readline()))
    f.write("!")
    f.seek(0)
    print(repr(f.read()))
with open("rw.txt", "w") as f:
    pass
print(repr(open("rw.txt").read()))
