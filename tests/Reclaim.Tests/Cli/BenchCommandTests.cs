using System.Text.Json;
using Reclaim.Cli;
using Reclaim.Cli.Bench;

namespace Reclaim.Tests.Cli;

/// <summary>
/// Smoke tests of <c>reclaim bench</c> at a tiny scale: the harness runs every shape and reports what its contract says.
/// No figure is asserted against a time: speed is shown by the benchmarks themselves, never by a test.
/// </summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_JsonAtTinyScale_ReportsEveryShapeWithRequiredFields()
    {
        StringWriter output = new();
        StringWriter error = new();
        int exit = CommandLine.Run(["bench", "--json", "--scale", "0.0002", "--reps", "1"], output, error);

        Assert.True(exit == 0, error.ToString());
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        JsonElement rows = document.RootElement;
        Assert.Equal(JsonValueKind.Array, rows.ValueKind);
        Assert.Equal(BenchRowSpec.All.Count, rows.GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 9), rows.EnumerateArray().Select(r => r.GetProperty("shape").GetInt32()).Distinct().Order());
        foreach (JsonElement row in rows.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("unit").GetString()));
            // Tiny heaps make the memory delta noise, so only its presence is checked; every time is positive.
            Assert.Equal(JsonValueKind.Number, row.GetProperty("reclaim").ValueKind);
            if (row.GetProperty("unit").GetString() != "bytes/object")
            {
                Assert.True(row.GetProperty("reclaim").GetDouble() > 0);
            }

            Assert.True(row.TryGetProperty("cpython", out _));
            Assert.True(row.TryGetProperty("ratio", out _));
            Assert.Equal(1, row.GetProperty("repetitions").GetInt32());
        }
    }

    [Fact]
    public void Bench_WithoutPython_SaysSoAndStillReportsReclaimFigures()
    {
        StringWriter output = new();
        StringWriter error = new();
        int exit = CommandLine.Run(["bench", "--json", "--scale", "0.0002", "--reps", "1", "--shape", "1,8", "--cpython", "no-such-python-3.11"], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("CPython figures are skipped", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-such-python-3.11", error.ToString(), StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        JsonElement[] rows = [.. document.RootElement.EnumerateArray()];
        Assert.Equal([1, 8], rows.Select(r => r.GetProperty("shape").GetInt32()));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("cpython").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("ratio").ValueKind);
        Assert.True(rows[0].GetProperty("reclaim").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Number, rows[1].GetProperty("ratio").ValueKind);
    }

    [Fact]
    public void Bench_Table_HasOneLinePerRowAndTheBandwidthFooter()
    {
        StringWriter output = new();
        int exit = CommandLine.Run(["bench", "--scale", "0.0002", "--reps", "1", "--shape", "3", "--no-cpython"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains("allocate + release vs plain .NET new", text, StringComparison.Ordinal);
        Assert.Contains("Memory bandwidth", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--reps", "0")]
    [InlineData("--reps", "many")]
    [InlineData("--scale", "-1")]
    [InlineData("--shape", "10")]
    [InlineData("--shape", "1,x")]
    [InlineData("--frobnicate")]
    [InlineData("--reps")]
    public void Bench_BadOption_ExitsTwoNamingTheProblem(params string[] options)
    {
        StringWriter error = new();
        int exit = CommandLine.Run(["bench", .. options], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains(options[^1], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_Help_PrintsTheOptions()
    {
        StringWriter output = new();
        int exit = CommandLine.Run(["bench", "--help"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains("--quick", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--json", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Median_OddAndEvenCounts_AndEmptyIsRefused()
    {
        Assert.Equal(2, Statistics.Median([3, 1, 2]));
        Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));
        Assert.Throws<ArgumentException>(() => Statistics.Median([]));
    }
}
