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
        int pythonSection = text.IndexOf("The seeds' own Python programs", StringComparison.Ordinal);
        Assert.True(pythonSection > 0, "the Python seed programs' section is missing");
        string scenarios = text[..pythonSection];
        Assert.Contains("verdict", scenarios, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", scenarios, StringComparison.Ordinal);
        Assert.Contains("PyO3 crash2", scenarios, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Table_HasOneRowPerPythonSeedProgram_CountedSeparately()
    {
        StringWriter output = new();
        CommandLine.Run(["demo"], output, TextWriter.Null);

        string text = output.ToString();
        string python = text[text.IndexOf("The seeds' own Python programs", StringComparison.Ordinal)..];
        foreach (Reclaim.Cli.Demo.Python.PythonSeedProgram program in Reclaim.Cli.Demo.Python.PythonSeedProgram.All)
        {
            Assert.Contains(program.FileName, python, StringComparison.Ordinal);
        }

        Assert.Matches(@"\d of 5 seed programs printed exactly what CPython 3\.11 prints", python);
        Assert.Contains("counted separately", python, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Python_seed_program_travels_with_the_CLI_with_CPython_s_recorded_outcome()
    {
        foreach (Reclaim.Cli.Demo.Python.PythonSeedProgram program in Reclaim.Cli.Demo.Python.PythonSeedProgram.All)
        {
            Assert.True(File.Exists(program.Path), $"{program.Path} is missing");
            string expected = Path.ChangeExtension(program.Path, ".expected");
            Reclaim.Cli.Demo.Python.ProgramOutcome? outcome = Reclaim.Cli.Demo.Python.ProgramOutcome.ParseExpected(File.ReadAllText(expected));
            Assert.NotNull(outcome);
            Assert.Equal(0, outcome.Exit);
            Assert.NotEqual("", outcome.Stdout);
        }
    }

    [Fact]
    public void ProgramOutcome_masks_addresses_and_reads_a_stream_without_final_newline()
    {
        Reclaim.Cli.Demo.Python.ProgramOutcome masked = Reclaim.Cli.Demo.Python.ProgramOutcome.Masked(0, "<f at 0x7f00ab>\r\n", "");
        Assert.Equal("<f at 0x?>\n", masked.Stdout);

        Reclaim.Cli.Demo.Python.ProgramOutcome? parsed = Reclaim.Cli.Demo.Python.ProgramOutcome.ParseExpected(
            "exit: 3\n--- stdout\nout\n\\ no newline at end\n--- stderr\nerr\n");
        Assert.Equal(new Reclaim.Cli.Demo.Python.ProgramOutcome(3, "out", "err\n"), parsed);
        Assert.Null(Reclaim.Cli.Demo.Python.ProgramOutcome.ParseExpected("not an outcome"));
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
