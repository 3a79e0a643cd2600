using System.Globalization;
using System.Text;
using Reclaim.Cli.Scenarios;
using Reclaim.HeapGraph;

namespace Reclaim.Cli.Graph;

/// <summary>Draws a seed scenario's heap at its key moment: a snapshot, then DOT and SVG files side by side.</summary>
public static class ScenarioPictures
{
    // No byte-order mark: Graphviz reads one as part of the first keyword.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Arranges for <paramref name="scenario"/>'s key moment to be drawn into <paramref name="directory"/> when it runs.
    /// </summary>
    /// <param name="scenario">The scenario, not yet run.</param>
    /// <param name="number">Its position in the demo (1-based), which starts the file names so they sort in demo order.</param>
    /// <param name="directory">Where to write; must exist.</param>
    /// <returns>A function that returns the picture once the scenario ran (<see langword="null"/> if it never reached its moment).</returns>
    public static Func<DrawnPicture?> Watch(SeedScenario scenario, int number, string directory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        DrawnPicture? drawn = null;
        scenario.KeyMoment = moment => drawn = Draw(moment, number, directory);
        return () => drawn;
    }

    /// <summary>Snapshots the moment's runtime (changing nothing in it) and writes the picture.</summary>
    /// <param name="moment">The key moment.</param>
    /// <param name="number">The scenario's position in the demo.</param>
    /// <param name="directory">Where to write.</param>
    /// <returns>What was written.</returns>
    public static DrawnPicture Draw(ScenarioMoment moment, int number, string directory)
    {
        ArgumentNullException.ThrowIfNull(moment);
        HeapSnapshot snapshot = HeapSnapshot.Take(moment.Runtime, new HeapSnapshotOptions { Describe = moment.NameOf });
        WhyAliveResult? answer = moment.Focus is { } focus && snapshot.TryGetId(focus, out int id) ? snapshot.WhyAlive(id) : null;
        SeedScenario scenario = moment.Scenario;
        HeapPicture graph = HeapPicture.Of(snapshot, new HeapPictureOptions
        {
            Title = $"seed {scenario.Seed}: {scenario.Name}",
            Caption = moment.Description,
            Highlight = answer?.Object.Id,
        });

        string stem = Path.Combine(directory, FileStem(number, scenario));
        string dot = stem + ".dot";
        string svg = stem + ".svg";
        File.WriteAllText(dot, graph.ToDot(), s_utf8);
        File.WriteAllText(svg, graph.ToSvg(), s_utf8);
        return new DrawnPicture(moment.Description, dot, svg, snapshot.Count, answer?.ToString().TrimEnd() ?? "");
    }

    /// <summary>A file name without extension: <c>03-001-freeipa-weak-value-callback-checked-mode-msg351041</c>.</summary>
    /// <param name="number">The scenario's position in the demo.</param>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Lower-case letters, digits and dashes.</returns>
    public static string FileStem(int number, SeedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        StringBuilder slug = new();
        foreach (char c in scenario.Name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{number:00}-{scenario.Seed}-{slug.ToString().TrimEnd('-')}");
    }
}
