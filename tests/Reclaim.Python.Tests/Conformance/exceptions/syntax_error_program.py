x = (1,
print("never")
def
