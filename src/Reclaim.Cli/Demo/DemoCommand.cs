using System.Text.Json;
using Reclaim.Cli.Scenarios;

namespace Reclaim.Cli.Demo;

/// <summary><c>reclaim demo</c>: replays every implemented seed scenario and reports a verdict for each.</summary>
public static class DemoCommand
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,

        // The output is read by people too: keep apostrophes and arrows readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs every scenario. A scenario that throws counts as failed, with the exception as its result.</summary>
    /// <returns>One row per scenario.</returns>
    public static IReadOnlyList<DemoRow> RunAll()
    {
        List<DemoRow> rows = [];
        foreach (SeedScenario scenario in SeedScenarios.All())
        {
            ScenarioOutcome outcome;
            try
            {
                outcome = scenario.Run();
            }
            catch (Exception exception)
            {
                outcome = new ScenarioOutcome(false, $"the scenario threw {exception.GetType().Name}: {exception.Message}");
            }

            rows.Add(new DemoRow(scenario.Seed, scenario.Name, scenario.Original, outcome.Reclaim, outcome.Passed));
        }

        return rows;
    }

    /// <summary>Runs the command.</summary>
    /// <param name="json">Write a JSON array instead of a table.</param>
    /// <param name="output">Where to write.</param>
    /// <returns>The process exit code: 0 when every verdict passed, 1 otherwise.</returns>
    public static int Execute(bool json, TextWriter output)
    {
        IReadOnlyList<DemoRow> rows = RunAll();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(rows, s_json));
        }
        else
        {
            WriteTable(rows, output);
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
}
