using System.Text.Json;
using Reclaim.Cli.Demo;
using Reclaim.Cli.Json;
using Reclaim.Cli.Progress;
using Reclaim.Cli.Scenarios;

namespace Reclaim.Cli.Graph;

/// <summary>
/// <c>reclaim graph --out DIR</c>: replays every seed scenario and draws its heap at the moment that matters (DOT and
/// SVG), so the bpo-38006 cycle can be looked at rather than read about.
/// </summary>
public static class GraphCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="directory">Where to write the pictures; created if missing.</param>
    /// <param name="json">Write a JSON array of <see cref="GraphRow"/> instead of text.</param>
    /// <param name="output">Where to write the report.</param>
    /// <returns>0 when every scenario was drawn and upheld its invariant, 1 otherwise.</returns>
    public static int Execute(string directory, bool json, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(directory);
        IReadOnlyList<SeedScenario> scenarios = SeedScenarios.All();
        List<GraphRow> rows = ProgressDisplay.For(output, json).Run("drawing the seed scenarios", scenarios.Count, step =>
        {
            List<GraphRow> drawn = [];
            for (int i = 0; i < scenarios.Count; i++)
            {
                SeedScenario scenario = scenarios[i];
                step.Describe(scenario.Name);
                Func<DrawnPicture?> picture = ScenarioPictures.Watch(scenario, i + 1, directory);
                DemoRow verdict = DemoCommand.RunOne(scenario);
                DrawnPicture? files = picture();
                drawn.Add(new GraphRow(
                    scenario.Seed,
                    scenario.Name,
                    files?.Moment ?? "(the scenario never reached its key moment)",
                    files?.Objects ?? 0,
                    files?.Dot ?? "",
                    files?.Svg ?? "",
                    files?.WhyAlive ?? "",
                    verdict.Passed && files is not null));
                step.Advance();
            }

            return drawn;
        });

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(rows, CliJsonContext.Output.ListGraphRow));
        }
        else
        {
            WriteText(rows, directory, output);
        }

        return rows.All(r => r.Passed) ? 0 : 1;
    }

    private static void WriteText(List<GraphRow> rows, string directory, TextWriter output)
    {
        foreach (GraphRow row in rows)
        {
            output.WriteLine($"{row.Seed}  {row.Scenario}  [{(row.Passed ? "PASS" : "FAIL")}]");
            output.WriteLine($"     {row.Objects} objects -> {row.Svg} (+ .dot)");
            foreach (string line in row.WhyAlive.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                output.WriteLine($"     {line.TrimEnd()}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Wrote {rows.Count(r => r.Svg.Length > 0)} pictures to {directory}: open the .svg files in a browser; Graphviz draws the .dot files too (dot -Tpng).");
    }
}
