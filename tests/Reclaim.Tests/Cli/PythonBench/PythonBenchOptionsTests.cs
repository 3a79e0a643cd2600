using Reclaim.Cli;
using Reclaim.Cli.Bench.Python;

namespace Reclaim.Tests.Cli.PythonBench;

/// <summary>The command line of <c>reclaim bench --python</c>.</summary>
public sealed class PythonBenchOptionsTests
{
    [Fact]
    public void Parse_NoOptions_GivesTheDefaults()
    {
        PythonBenchOptions? options = PythonBenchOptions.Parse(["--python"], out string problem);

        Assert.NotNull(options);
        Assert.Equal("", problem);
        Assert.False(options.Json);
        Assert.False(options.Quick);
        Assert.Equal(5, options.Repetitions);
        Assert.Empty(options.Only);
        Assert.Null(options.Reclaim);
        Assert.Equal("python3", options.CPython);
        Assert.Equal("pypy3", options.PyPy);
        Assert.Null(options.Programs);
    }

    [Fact]
    public void Parse_EveryOption_IsRead()
    {
        PythonBenchOptions? options = PythonBenchOptions.Parse(
            ["--quick", "--json", "--python", "--only", "nbody, gc_collect.py", "--reclaim", "/opt/r", "--cpython", "/usr/bin/python3.11",
             "--no-pypy", "--programs", "/tmp/p"],
            out _);

        Assert.NotNull(options);
        Assert.True(options.Json);
        Assert.True(options.Quick);
        Assert.Equal(3, options.Repetitions);
        Assert.Equal(["nbody", "gc_collect"], options.Only);
        Assert.Equal("/opt/r", options.Reclaim);
        Assert.Equal("/usr/bin/python3.11", options.CPython);
        Assert.Null(options.PyPy);
        Assert.Equal("/tmp/p", options.Programs);
    }

    [Fact]
    public void Parse_RepsOverridesQuick_AndNoCPythonSkipsIt()
    {
        PythonBenchOptions? options = PythonBenchOptions.Parse(["--quick", "--reps", "7", "--no-cpython"], out _);

        Assert.NotNull(options);
        Assert.Equal(7, options.Repetitions);
        Assert.Null(options.CPython);
    }

    [Theory]
    [InlineData("'--reps 0'", "--reps", "0")]
    [InlineData("'--reps many'", "--reps", "many")]
    [InlineData("'--reps 101'", "--reps", "101")]
    [InlineData("empty program name", "--only", "nbody,,float")]
    [InlineData("'--only' needs a value", "--only")]
    [InlineData("'--cpython' needs a value", "--cpython")]
    [InlineData("unknown option '--shape'", "--shape", "3")]
    public void Parse_BadInput_SaysWhatIsWrong(string expected, params string[] args)
    {
        PythonBenchOptions? options = PythonBenchOptions.Parse(args, out string problem);

        Assert.Null(options);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_BadPythonBenchOption_ExitsWithTwoAndTheProblem()
    {
        StringWriter error = new();

        int exit = CommandLine.Run(["bench", "--python", "--reps", "0"], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("reclaim bench --python: '--reps 0'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_UnknownProgram_ExitsWithTwoAndListsThePrograms()
    {
        StringWriter error = new();

        int exit = CommandLine.Run(["bench", "--python", "--only", "no_such_program", "--no-cpython", "--no-pypy"], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("no program 'no_such_program'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("gc_collect", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_Help_PrintsThePythonUsage()
    {
        StringWriter output = new();

        int exit = CommandLine.Run(["bench", "--python", "--help"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains("--only NAMES", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--no-pypy", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShapesBench_OldPythonPathOption_IsNowCPython()
    {
        StringWriter error = new();

        int exit = CommandLine.Run(["bench", "--no-python"], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("--no-cpython", error.ToString(), StringComparison.Ordinal);
    }
}
