# Slicing a range gives a range (used by the generators benchmark's tree builder).
r = range(10)
for s in [slice(2,5), slice(None,None,2), slice(None,None,-1), slice(5,2), slice(-3,None), slice(1,8,3)]:
    print(r[s], list(r[s]))
print(range(3, 30, 4)[1:-1], list(range(3,30,4)[1:-1]), range(5)[10:])
