using System.Text.Json;
using System.Xml.Linq;
using Reclaim.Cli;
using Reclaim.Cli.Graph;
using Reclaim.Cli.Scenarios;

namespace Reclaim.Tests.Cli;

/// <summary><c>reclaim graph</c> and <c>reclaim demo --graphs</c>: one DOT and one SVG per seed scenario.</summary>
public sealed class GraphCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reclaim-graph-").FullName;

    [Fact]
    public void Graph_Json_WritesDotAndSvgPerScenario_AndExitsZero()
    {
        StringWriter output = new();
        string target = Path.Combine(_directory, "pictures");

        int exit = CommandLine.Run(["graph", "--out", target, "--json"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        using JsonDocument document = JsonDocument.Parse(output.ToString());
        JsonElement[] rows = [.. document.RootElement.EnumerateArray()];
        Assert.Equal(SeedScenarios.All().Count, rows.Length);
        foreach (JsonElement row in rows)
        {
            Assert.True(row.GetProperty("passed").GetBoolean());
            string svg = row.GetProperty("svg").GetString()!;
            string dot = row.GetProperty("dot").GetString()!;
            Assert.Equal(target, Path.GetDirectoryName(svg));
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
            Assert.Equal((byte)'d', File.ReadAllBytes(dot)[0]);
            Assert.StartsWith("digraph heap {", File.ReadAllText(dot), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("moment").GetString()));
        }

        Assert.Equal(2 * rows.Length, Directory.GetFiles(target).Length);
        JsonElement hidden = rows.First(r => r.GetProperty("scenario").GetString()!.Contains("Y hides Z", StringComparison.Ordinal));
        Assert.Equal(8, hidden.GetProperty("objects").GetInt32());
        Assert.Contains("C is garbage", hidden.GetProperty("whyAlive").GetString(), StringComparison.Ordinal);
        Assert.Contains("B's refs -> WZ -> C", hidden.GetProperty("whyAlive").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_Text_ListsEachPictureAndWhyAlive()
    {
        StringWriter output = new();

        int exit = CommandLine.Run(["graph", "--out", _directory], output, TextWriter.Null);

        Assert.Equal(0, exit);
        string text = output.ToString();
        Assert.Contains("03-001-callfunc-remove-cycle-msg351083.svg", text, StringComparison.Ordinal);
        Assert.Contains("cycle of 2: call_func, remove", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Graphs_KeepsTheTableAndWritesPictures()
    {
        StringWriter output = new();

        int exit = CommandLine.Run(["demo", "--graphs", _directory], output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains("verdict", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(_directory, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(SeedScenarios.All().Count, Directory.GetFiles(_directory, "*.svg").Length);
        Assert.Equal(SeedScenarios.All().Count, Directory.GetFiles(_directory, "*.dot").Length);
    }

    [Theory]
    [InlineData("--out", "graph")]
    [InlineData("--frobnicate", "graph", "--frobnicate")]
    [InlineData("needs a directory", "graph", "--out")]
    [InlineData("needs a directory", "graph", "--out", "--json")]
    [InlineData("needs a directory", "demo", "--graphs")]
    public void BadCommandLine_ExitsTwoNamingTheProblem(string expected, params string[] args)
    {
        StringWriter error = new();

        int exit = CommandLine.Run(args, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_OutIsAFile_ExitsTwoNamingTheDirectory()
    {
        string file = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(file, "");
        StringWriter error = new();

        int exit = CommandLine.Run(["graph", "--out", file], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains($"cannot write pictures to '{file}'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryScenario_ReachesItsKeyMomentOnce_AndASnapshotThereChangesNoVerdict()
    {
        foreach (SeedScenario scenario in SeedScenarios.All())
        {
            List<ScenarioMoment> moments = [];
            scenario.KeyMoment = moment =>
            {
                moments.Add(moment);
                Assert.False(moment.Runtime.Gc.IsCollecting);
                HeapSnapshot snapshot = HeapSnapshot.Take(moment.Runtime, new HeapSnapshotOptions { Describe = moment.NameOf });
                if (moment.Focus is not null)
                {
                    Assert.True(snapshot.TryGetId(moment.Focus, out _), $"{scenario.Name}: the focus object is in the heap");
                }
            };

            ScenarioOutcome outcome = scenario.Run();

            Assert.True(outcome.Passed, $"{scenario.Name}: {outcome.Reclaim}");
            Assert.Single(moments);
            Assert.Same(scenario, moments[0].Scenario);
        }
    }

    [Fact]
    public void FileStem_IsLowerCaseLettersDigitsAndDashes_InDemoOrder()
    {
        string[] stems = [.. SeedScenarios.All().Select((s, i) => ScenarioPictures.FileStem(i + 1, s))];

        Assert.StartsWith("01-000-", stems[0], StringComparison.Ordinal);
        Assert.Contains("03-001-callfunc-remove-cycle-msg351083", stems);
        Assert.All(stems, s => Assert.Matches("^[0-9]{2}-[0-9]{3}-[a-z0-9]+(-[a-z0-9]+)*$", s));
        Assert.Equal(stems.Length, stems.Distinct().Count());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
