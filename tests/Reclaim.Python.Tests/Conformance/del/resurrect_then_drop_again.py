import gc
saved = []
class A:
    count = 0
    def __del__(self):
        A.count += 1
        print("del call", A.count)
        saved.append(self)
a = A()
del a
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("cleared, del calls:", A.count)
