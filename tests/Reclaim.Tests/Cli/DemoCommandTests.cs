using System.Text.Json;
using Reclaim.Cli;

namespace Reclaim.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_Json_EmitsOneObjectPerScenarioWithRequiredFields_AndExitsZero()
    {
        StringWriter output = new();
        int exit = CommandLine.Run(["demo", "--json"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        JsonElement rows = document.RootElement;
        Assert.Equal(JsonValueKind.Array, rows.ValueKind);
        Assert.Equal(Reclaim.Cli.Scenarios.SeedScenarios.All().Count, rows.GetArrayLength());
        foreach (JsonElement row in rows.EnumerateArray())
        {
            Assert.Matches("^00[0-3]$", row.GetProperty("seed").GetString());
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("scenario").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("original").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("reclaim").GetString()));
            Assert.True(row.GetProperty("passed").GetBoolean());
        }
    }

    [Fact]
    public void Demo_Table_ListsEveryScenarioWithVerdict()
    {
        StringWriter output = new();
        int exit = CommandLine.Run(["demo"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains("verdict", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", text, StringComparison.Ordinal);
        Assert.Contains("PyO3 crash2", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("demo", "--yaml")]
    public void Run_BadCommandLine_ExitsTwoWithMessageNamingTheProblem(params string[] args)
    {
        StringWriter error = new();
        int exit = CommandLine.Run(args, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains(args[^1], error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TextTable_Wrap_BreaksAtWordsAndSplitsLongWords()
    {
        List<string> lines = Reclaim.Cli.Demo.TextTable.Wrap("alpha beta gamma abcdefghijkl", 10);
        Assert.Equal(["alpha beta", "gamma", "abcdefghij", "kl"], lines);
    }
}
