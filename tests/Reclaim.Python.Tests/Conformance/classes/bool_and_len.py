class Z:
    def __len__(self): return 0
class T:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(Z()), bool(T()), "yes" if Z() else "no")
