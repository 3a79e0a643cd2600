name = "Ada"
v = 3.14159
print(f"{name!r:>8}|{v:.2f}|{v=}|{{braces}}|{10:#x}|{'nested ' + name}")
