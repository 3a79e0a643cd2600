ns = {}
exec("x = 2\ny = x * 3", ns)
print(ns["y"], eval("y + 1", ns))
code = compile("z = 10", "<string>", "exec")
exec(code, ns)
print(ns["z"])
