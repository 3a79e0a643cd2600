import gc
class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent: parent.children.append(self)
    def __del__(self): print("del", self.name)
root = Node("root")
Node("c1", root); Node("c2", root)
del root
gc.collect()
print("done")
