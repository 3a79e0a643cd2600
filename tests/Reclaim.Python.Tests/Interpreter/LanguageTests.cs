namespace Reclaim.Python.Tests.Interpreter;

/// <summary>Language features end to end; expected outputs are what CPython 3.11.7 printed for the same source.</summary>
public sealed class LanguageTests
{
    [Fact]
    public void Closures_with_nonlocal_and_nested_comprehensions()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def counter():
                n = 0
                def inc():
                    nonlocal n
                    n += 1
                    return n
                return inc
            c = counter(); c(); print(c(), [x * y for x in range(3) for y in (1, 10) if x])
            """);
        Assert.Equal("2 [1, 10, 2, 20]\n", r.Stdout);
        Assert.Equal(0, r.Status);
    }

    [Fact]
    public void Classes_with_super_and_formatting()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            class A:
                def __init__(self, x): self.x = x
                def __repr__(self): return f"A({self.x!r})"
            class B(A):
                def __init__(self, x): super().__init__(x * 2)
            print(B(5), "%s-%05.2f" % ("a", 3.14159), "{:>5}|{}".format(1, 'z'), 2**100)
            """);
        Assert.Equal("A(10) a-03.14     1|z 1267650600228229401496703205376\n", r.Stdout);
    }

    [Fact]
    public void Caught_exception_then_exit_status_from_sys_exit()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            import sys
            def f(): return 1 / 0
            try:
                f()
            except ZeroDivisionError as e:
                print(type(e).__name__, e)
            print({1: 'a'}.get(2, 'none'), "%d%%" % 50, f"{3.14159:.2f}|{'x':>3}|{10:04d}")
            sys.exit(3)
            """);
        Assert.Equal("ZeroDivisionError division by zero\nnone 50% 3.14|  x|0010\n", r.Stdout);
        Assert.Equal(3, r.Status);
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public void Uncaught_exception_prints_the_traceback_and_exits_1()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def g():
                raise ValueError("boom")
            print("before")
            g()
            """);
        Assert.Equal("before\n", r.Stdout);
        Assert.Equal(1, r.Status);
        Assert.Equal(
            "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n    g()\n"
            + "  File \"prog.py\", line 2, in g\n    raise ValueError(\"boom\")\nValueError: boom\n",
            r.Stderr);
    }

    [Fact]
    public void Runaway_recursion_is_a_RecursionError_not_a_crash()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def f(n): return f(n + 1)
            try:
                f(0)
            except RecursionError as e:
                print("caught", e)
            """);
        Assert.Equal("caught maximum recursion depth exceeded\n", r.Stdout);
    }

    [Fact]
    public void Mixed_operands_raise_CPythons_TypeError_instead_of_recursing()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            class L(list): pass
            l = L([1, 2])
            print(2 in l, len(l), [1] == [1], "a" == "a")
            try:
                1 + "a"
            except TypeError as e:
                print(e)
            """);
        Assert.Equal("True 2 True True\nunsupported operand type(s) for +: 'int' and 'str'\n", r.Stdout);
    }
}
