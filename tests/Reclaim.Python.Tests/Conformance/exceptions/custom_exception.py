class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(5)
except MyError as e:
    print(e, e.code, e.args)
raise MyError(7)
