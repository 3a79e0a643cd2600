print("out")
x = {}
x["missing"]
