using Reclaim.Python.Compiler;
using Reclaim.Python.Syntax.Ast;
using Reclaim.Python.Syntax.Parsing;

namespace Reclaim.Python.Tests.Interpreter;

/// <summary>
/// The resumption machinery of generators: which statements become resumable, resume points kept per generator,
/// deep <c>yield from</c> chains, and the references a suspended frame holds. Expected outputs are CPython 3.11.7's.
/// </summary>
public sealed class GeneratorTests
{
    [Theory]
    [InlineData("yield 1", true)]
    [InlineData("x = f((yield), 2)", true)]
    [InlineData("if a:\n    pass\nelse:\n    yield", true)]
    [InlineData("while (yield):\n    pass", true)]
    [InlineData("with m() as v:\n    y = yield from g()", true)]
    [InlineData("def inner(a=(yield)):\n    pass", true)]
    [InlineData("def inner():\n    yield 1", false)]
    [InlineData("h = lambda: (yield)", false)]
    [InlineData("class K:\n    def m(self):\n        yield", false)]
    [InlineData("for x in y:\n    print(x)", false)]
    [InlineData("z = [v for v in range(3)]", false)]
    public void Only_yields_evaluated_in_this_scope_make_a_statement_resumable(string source, bool resumable)
    {
        Module module = Parser.ParseModule(source + "\n");
        Assert.Equal(resumable, YieldFinder.Contains(module.Body[0]));
    }

    [Fact]
    public void Each_generator_keeps_its_own_resume_points()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def count(tag, n):
                for i in range(n):
                    yield tag + str(i)
            a = count("a", 3)
            b = count("b", 2)
            print(next(a), next(b), next(a), next(b), next(a))
            print(list(a), list(b))
            """);
        Assert.Equal("a0 b0 a1 b1 a2\n[] []\n", r.Stdout);
        Assert.Equal(0, r.Status);
    }

    [Fact]
    public void A_three_hundred_deep_yield_from_chain_passes_values_and_return_values()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def chain(d):
                if d == 0:
                    yield from range(3)
                    return "bottom"
                r = yield from chain(d - 1)
                return r + "."
            def top():
                r = yield from chain(300)
                print(len(r))
            print(sum(top()))
            """);
        Assert.Equal("306\n3\n", r.Stdout);
    }

    [Fact]
    public void A_suspended_for_loop_iterator_is_held_by_the_frame_until_close()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            import sys
            items = [object(), object()]
            def walk(seq):
                for x in seq:
                    yield x
            g = walk(items)
            print(sys.getrefcount(items))
            next(g)
            print(sys.getrefcount(items))
            g.close()
            print(sys.getrefcount(items))
            """);
        Assert.Equal("3\n4\n2\n", r.Stdout);
    }

    [Fact]
    public void Finally_runs_once_when_the_generator_finishes_and_the_frame_is_gone()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def gen():
                try:
                    yield 1
                finally:
                    print("cleanup")
            g = gen()
            print(next(g))
            try:
                next(g)
                next(g)
            except StopIteration:
                print("stop")
            print(g.gi_frame)
            """);
        Assert.Equal("1\ncleanup\nstop\nNone\n", r.Stdout);
    }

    [Fact]
    public void A_yield_in_a_finally_block_in_a_loop_runs_every_iteration()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def a():
                for i in range(2):
                    try:
                        yield i
                    finally:
                        yield -i - 10
            print(list(a()))
            """);
        Assert.Equal("[0, -10, 1, -11]\n", r.Stdout);
    }

    [Fact]
    public void Hoisted_yields_keep_left_to_right_evaluation_order()
    {
        ProgramRun.Outcome r = ProgramRun.Run("""
            def t(m, v):
                print(m)
                return v
            def g():
                x = t("a", 1) + (yield "y1") + t("b", 2)
                print(x, t("c", 0) or (yield "y2"), t("d", 5) and t("e", 6))
            it = g()
            print(next(it))
            print(it.send(10))
            try:
                it.send(20)
            except StopIteration:
                print("done")
            """);
        Assert.Equal("a\ny1\nb\nc\ny2\nd\ne\n13 20 6\ndone\n", r.Stdout);
    }
}
