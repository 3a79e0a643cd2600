d = {}
for i in range(300000):
    d = {"next": d}
t = ()
for i in range(300000):
    t = (t,)
print("built")
del d, t
print("freed")
