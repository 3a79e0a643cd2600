# Seed 001, bpo-38006 msg351082 (Victor Stinner): WeakValueDictionary's remove() closure keeps
# WeakValueDictionary.data alive, so the data dict dies only when the closure is cleared.
class NoisyDel:
    def __del__(self):
        print("dealloc data dict")

def create_closure():
    data = {0: NoisyDel()}
    def remove():
        return data
    return remove

remove = create_closure()
print("clear ")
remove = None
print("exit")
