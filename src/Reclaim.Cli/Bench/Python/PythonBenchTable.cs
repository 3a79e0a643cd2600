using System.Globalization;
using Reclaim.Cli.Demo;

namespace Reclaim.Cli.Bench.Python;

/// <summary>Writes the report of <c>reclaim bench --python</c> as tables for people.</summary>
public static class PythonBenchTable
{
    /// <summary>Writes the programs, the targets and the machine.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(PythonBenchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        TextTable table = new(
            ["program", "kind", "metric", "reclaim", "cpython", "pypy", "vs cpython", "vs pypy", "peak MB r/c/p", "mem r÷c"],
            [20, 10, 12, 26, 10, 10, 10, 8, 16, 7]);
        foreach (PythonBenchRow row in report.Rows)
        {
            table.AddRow([
                row.Program,
                row.Kind,
                row.Metric == "process" ? "process ms" : "collect ms",
                Side(row, "reclaim"),
                Side(row, "cpython"),
                Side(row, "pypy"),
                Ratio(row.RatioCPython),
                Ratio(row.RatioPyPy),
                string.Join("/", new[] { "reclaim", "cpython", "pypy" }.Select(p => Megabytes(row, p))),
                row.MemoryRatioCPython is { } m ? Number(m) : "—",
            ]);
        }

        table.Write(output);
        output.WriteLine();
        TextTable targets = new(["target", "required", "measured", "met", "detail"], [46, 26, 9, 4, 60]);
        foreach (TargetStatus target in report.Targets)
        {
            targets.AddRow([
                target.Name,
                target.Requirement,
                target.Value is { } v ? Number(v) : "—",
                target.Met switch { true => "yes", false => "NO", null => "—" },
                target.Detail,
            ]);
        }

        targets.Write(output);
        output.WriteLine();
        foreach (PeerStatus peer in report.Peers)
        {
            output.WriteLine($"{peer.Name}: {(peer.Available ? peer.Version : "not run: " + peer.Version)}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Medians of {report.Repetitions} runs per side{(report.Quick ? " at the --quick sizes" : "")}; {report.MemoryMethod}; {report.Machine}."));
    }

    private static string Side(PythonBenchRow row, string peer)
    {
        SideFigures? side = row.Sides.FirstOrDefault(s => s.Peer == peer);
        if (side is null)
        {
            return "—";
        }

        if (side.Failure is { } failure)
        {
            return "failed: " + failure;
        }

        double? figure = row.Metric == "process" ? side.WallMs : side.TimedMs;
        return figure is { } f ? Number(f) : "—";
    }

    private static string Megabytes(PythonBenchRow row, string peer) =>
        row.Sides.FirstOrDefault(s => s.Peer == peer)?.PeakKb is { } kb ? (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture) : "—";

    private static string Ratio(double? ratio) => ratio is { } r ? Number(r) + "×" : "—";

    private static string Number(double value) => value switch
    {
        < 10 => value.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };
}
