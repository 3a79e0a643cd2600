# Columns count characters, and East Asian wide characters count twice, as 3.11's printer does.
class Probe:
    def __init__(self, fn):
        self.fn = fn
    def __del__(self):
        self.fn()
def latin(): héllo = "é"; return héllo - 1
def wide(): 名前 = {"日本": 1}; return 名前["東京"]
def emoji(): s = "🐍🐍"; return s.upper().lower().swapcaseX()
Probe(latin)
Probe(wide)
Probe(emoji)
print("done")
