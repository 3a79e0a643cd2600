using System.Text.Json;
using Reclaim.Cli.Demo.Python;
using Reclaim.Cli.Graph;
using Reclaim.Cli.Json;
using Reclaim.Cli.Scenarios;

namespace Reclaim.Cli.Demo;

/// <summary>
/// <c>reclaim demo</c>: replays every implemented seed scenario and reports a verdict for each, then runs the seeds'
/// own Python programs under <c>reclaim run</c>'s host and compares them with CPython 3.11 (reported separately).
/// </summary>
public static class DemoCommand
{
    /// <summary>Runs every scenario. A scenario that throws counts as failed, with the exception as its result.</summary>
    /// <param name="graphs">A directory to draw each scenario's heap into (<c>--graphs</c>), or <see langword="null"/>.</param>
    /// <returns>One row per scenario.</returns>
    public static IReadOnlyList<DemoRow> RunAll(string? graphs = null)
    {
        IReadOnlyList<SeedScenario> scenarios = SeedScenarios.All();
        List<DemoRow> rows = [];
        for (int i = 0; i < scenarios.Count; i++)
        {
            if (graphs is not null)
            {
                ScenarioPictures.Watch(scenarios[i], i + 1, graphs);
            }

            rows.Add(RunOne(scenarios[i]));
        }

        return rows;
    }

    /// <summary>Runs one scenario. A scenario that throws counts as failed, with the exception as its result.</summary>
    /// <param name="scenario">A scenario that has not run yet.</param>
    /// <returns>Its row.</returns>
    public static DemoRow RunOne(SeedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioOutcome outcome;
        try
        {
            outcome = scenario.Run();
        }
        catch (Exception exception)
        {
            outcome = new ScenarioOutcome(false, $"the scenario threw {exception.GetType().Name}: {exception.Message}");
        }

        return new DemoRow(scenario.Seed, scenario.Name, scenario.Original, outcome.Reclaim, outcome.Passed);
    }

    /// <summary>Runs the command.</summary>
    /// <param name="json">Write a JSON array instead of a table.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="graphs">A directory to draw each scenario's heap into (created if missing), or <see langword="null"/>.</param>
    /// <returns>
    /// The process exit code: 0 when every scenario's verdict passed, 1 otherwise. The Python seed programs' verdicts are
    /// printed (table only) but not counted here while the interpreter is being built, so CI stays meaningful.
    /// </returns>
    public static int Execute(bool json, TextWriter output, string? graphs = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (graphs is not null)
        {
            Directory.CreateDirectory(graphs);
        }

        IReadOnlyList<DemoRow> rows = RunAll(graphs);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(rows, CliJsonContext.Output.IReadOnlyListDemoRow));
        }
        else
        {
            WriteTable(rows, output);
            WritePythonTable(PythonSeedRunner.RunAll(), output);
            if (graphs is not null)
            {
                output.WriteLine($"Pictures of each scenario's heap (SVG and DOT): {graphs}");
            }
        }

        return rows.All(r => r.Passed) ? 0 : 1;
    }

    private static void WriteTable(IReadOnlyList<DemoRow> rows, TextWriter output)
    {
        TextTable table = new(["seed", "scenario", "original system", "Reclaim", "verdict"], [4, 26, 34, 44, 7]);
        foreach (DemoRow row in rows)
        {
            table.AddRow([row.Seed, row.Scenario, row.Original, row.Reclaim, row.Passed ? "PASS" : "FAIL"]);
        }

        table.Write(output);
        int passed = rows.Count(r => r.Passed);
        output.WriteLine();
        output.WriteLine($"{passed} of {rows.Count} seed scenarios upheld their invariant.");
    }

    private static void WritePythonTable(IReadOnlyList<PythonDemoRow> rows, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("The seeds' own Python programs under `reclaim run` (examples/seeds/), compared with CPython 3.11:");
        TextTable table = new(["seed", "program", "original interpreter", "reclaim run printed", "verdict"], [4, 26, 34, 44, 7]);
        foreach (PythonDemoRow row in rows)
        {
            table.AddRow([row.Seed, row.Program, row.Original, row.Reclaim, row.Passed ? "PASS" : "FAIL"]);
        }

        table.Write(output);
        int passed = rows.Count(r => r.Passed);
        string oracles = string.Join(", ", rows.Select(r => r.Oracle).Distinct(StringComparer.Ordinal));
        output.WriteLine();
        output.WriteLine($"{passed} of {rows.Count} seed programs printed exactly what CPython 3.11 prints (CPython's output: {oracles}).");
        output.WriteLine("These verdicts are counted separately: they do not change the exit status while the interpreter is being built.");
    }
}
