# exec/eval/compile: the builtins module in __main__, locals of a function, single mode, separate locals, syntax errors.
import builtins
print(type(__builtins__).__name__, builtins.len is len, __builtins__ is builtins)
g = {}
exec("pass", g)
print(type(g["__builtins__"]).__name__)
def f():
    a = 1
    exec("b = a + 1")
    print(eval("a * 10"), sorted(locals()))
f()
c = compile("if 1:\n    x = 5\n    x\n", "<s>", "single")
exec(c)
print(_ if False else x)
print(eval(compile("x*2", "<e>", "eval")), eval("  3+4"), eval(b"1"))
ns, loc = {"y": 1}, {}
exec("z = y + 1\ndef h(): return y\nw = h()", ns, loc)
print(sorted(loc), "z" in ns)
for bad in ["1 +", "x = 1"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.filename)
try:
    compile("x", "f", "bogus")
except ValueError as e:
    print(e)
try:
    exec("raise KeyError(3)")
except KeyError as e:
    print("KeyError", e)
print(repr(compile("x", "name.py", "eval"))[:24])
try:
    compile("def f():\n    nonlocal q\n", "<t>", "exec")
except SyntaxError as e:
    print(e, e.lineno, e.offset)
