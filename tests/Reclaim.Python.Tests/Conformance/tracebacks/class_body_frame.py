# A class body runs in a frame named after the class; the class statement is the caller's entry.
class Settings:
    debug = False
    level = 10 // int(debug)
