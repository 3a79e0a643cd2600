src = "def f():\n    nonlocal q\n"
try:
    compile(src, "<test>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
