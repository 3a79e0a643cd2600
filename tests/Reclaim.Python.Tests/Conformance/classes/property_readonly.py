class A:
    @property
    def v(self): return 1
A().v = 2
