using Reclaim.Cli.Bench.Python;

namespace Reclaim.Tests.Cli.PythonBench;

/// <summary>Reading what the programs and <c>/usr/bin/time</c> print.</summary>
public sealed class BenchOutputTests
{
    [Theory]
    [InlineData("#reclaim-bench timed_ms=1.0829\n", 1.0829)]
    [InlineData("answer 42\n#reclaim-bench timed_ms=250\n", 250)]
    [InlineData("#reclaim-bench timed_ms=1.5e-05\r\n", 1.5e-05)]
    [InlineData("#reclaim-bench timed_ms=9\n#reclaim-bench timed_ms=3.25\n", 3.25)]
    public void TryParseTimed_TheLastTimedLine_IsTheFigure(string stdout, double expected)
    {
        Assert.True(BenchOutput.TryParseTimed(stdout, out double milliseconds, out string problem), problem);
        Assert.Equal(expected, milliseconds);
    }

    [Theory]
    [InlineData("", "printed no '#reclaim-bench timed_ms=' line")]
    [InlineData("timed_ms=3\n", "printed no")]
    [InlineData("#reclaim-bench timed_ms=fast\n", "not a number of milliseconds")]
    [InlineData("#reclaim-bench timed_ms=-1\n", "not a number of milliseconds")]
    [InlineData("#reclaim-bench timed_ms=nan\n", "not a number of milliseconds")]
    [InlineData("#reclaim-bench timed_ms=inf\n", "not a number of milliseconds")]
    public void TryParseTimed_NoValidFigure_SaysWhy(string stdout, string expected)
    {
        Assert.False(BenchOutput.TryParseTimed(stdout, out _, out string problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13572\n", 13572L)]
    [InlineData("Command exited with non-zero status 1\n17416\n", 17416L)]
    [InlineData("Command terminated by signal 9\n", null)]
    [InlineData("", null)]
    public void ParsePeakKilobytes_ReadsTheLastWholeNumber(string text, long? expected)
    {
        Assert.Equal(expected, BenchOutput.ParsePeakKilobytes(text));
    }

    [Fact]
    public void LastLine_IsTheLastNonEmptyLine_OrSaysThereWasNone()
    {
        Assert.Equal("ZeroDivisionError: division by zero", BenchOutput.LastLine("Traceback (most recent call last):\n  x\nZeroDivisionError: division by zero\n\n"));
        Assert.Equal("(nothing on stderr)", BenchOutput.LastLine("\n  \n"));
        Assert.Equal(201, BenchOutput.LastLine(new string('x', 500)).Length);
    }
}
