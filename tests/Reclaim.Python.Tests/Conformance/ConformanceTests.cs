using Reclaim.Python.Tests.Conformance.Runner;

namespace Reclaim.Python.Tests.Conformance;

/// <summary>
/// The conformance suite: every <c>Conformance/&lt;area&gt;/&lt;name&gt;.py</c> runs in-process and its exit status,
/// stdout and masked stderr must equal CPython 3.11.7's, recorded beside it in <c>&lt;name&gt;.expected</c> by
/// <c>scripts/regen-conformance.py</c>. Programs listed in <c>pending.txt</c> must still differ, so the list only shrinks.
/// </summary>
public sealed class ConformanceTests
{
    /// <summary>
    /// Set by <c>scripts/update-pending.sh</c>: each program appends <c>START id</c> before it runs, then <c>PASS id</c> or
    /// <c>id: reason</c>, so the script can tell a complete run from one the test host did not survive (and name the culprit).
    /// </summary>
    private const string ReportVariable = "RECLAIM_CONFORMANCE_REPORT";

    private static readonly string SuiteDirectory = Path.Combine(AppContext.BaseDirectory, "Conformance");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Pending =
        new(() => PendingList.Load(Path.Combine(SuiteDirectory, "pending.txt")));

    private static readonly Lazy<ILookup<string, DeliberateDifference>> Deliberate =
        new(() => DeliberateDifference.Load(Path.Combine(SuiteDirectory, "deliberate-differences.txt")));

    private static readonly Lock ReportLock = new();

    /// <summary>Every program, as <c>area/name</c>, for the theory.</summary>
    public static TheoryData<string> Programs() => [.. ProgramIds()];

    private static List<string> ProgramIds() =>
        [.. Directory.EnumerateFiles(SuiteDirectory, "*.py", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(SuiteDirectory, path).Replace('\\', '/')[..^".py".Length])
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void The_suite_has_its_programs_and_every_pending_entry_names_one()
    {
        HashSet<string> ids = [.. ProgramIds()];
        Assert.True(ids.Count >= 300, $"only {ids.Count} conformance programs were found under {SuiteDirectory}");
        string[] unknown = [.. Pending.Value.Keys.Where(id => !ids.Contains(id))];
        Assert.True(unknown.Length == 0, $"pending.txt names programs that do not exist: {string.Join(", ", unknown)}");
        string[] unknownDifferences = [.. Deliberate.Value.Select(g => g.Key).Where(id => !ids.Contains(id))];
        Assert.True(unknownDifferences.Length == 0, $"deliberate-differences.txt names programs that do not exist: {string.Join(", ", unknownDifferences)}");
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_matches_CPython(string id)
    {
        string program = Path.Combine(SuiteDirectory, id + ".py");
        string expectedFile = Path.ChangeExtension(program, ".expected");
        Assert.True(File.Exists(expectedFile), $"{id}.expected is missing: run scripts/regen-conformance.sh");
        ConformanceOutcome expected = ConformanceOutcome.Parse(File.ReadAllText(expectedFile), expectedFile);
        foreach (DeliberateDifference difference in Deliberate.Value[id])
        {
            expected = difference.ApplyTo(expected);
            Report($"DELIBERATE {id} ({difference.Stream}) {difference.Reason}");
        }

        Report($"START {id}");
        ConformanceOutcome actual = ProgramRunner.Run(program);
        string? reason = OutcomeDiff.Reason(expected, actual);
        Report(reason is null ? $"PASS {id}" : $"{id}: {reason}");

        if (Pending.Value.ContainsKey(id))
        {
            Assert.True(reason is not null, $"{id} now matches CPython: remove its line from Conformance/pending.txt");
        }
        else
        {
            Assert.True(reason is null, $"{id} differs from CPython 3.11.7:\n{OutcomeDiff.Describe(expected, actual)}");
        }
    }

    private static void Report(string line)
    {
        string? report = Environment.GetEnvironmentVariable(ReportVariable);
        if (report is null)
        {
            return;
        }

        lock (ReportLock)
        {
            File.AppendAllText(report, line + "\n");
        }
    }
}
