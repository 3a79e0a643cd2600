using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Reclaim.Cli.Demo;
using Reclaim.Cli.Json;
using Reclaim.Cli.Progress;

namespace Reclaim.Cli.Bench;

/// <summary>
/// <c>reclaim bench</c>: runs every shape in Reclaim and in CPython, alternating repetition by repetition so that a
/// drift in the machine's speed hits both sides alike, and reports medians and ratios.
/// </summary>
public static class BenchCommand
{
    // Tiered compilation optimises a method after about 30 calls, in the background, with the profile gathered
    // meanwhile (which devirtualises the hot TraverseReferences calls). The warm-up makes that happen before the first measured
    // repetition: enough tiny runs to pass the call counts, then a pause for the background compiler.
    private const double WarmUpScale = 0.001;
    private const int WarmUpRuns = 40;
    private static readonly TimeSpan s_warmUpPause = TimeSpan.FromMilliseconds(300);

    /// <summary>Runs the command.</summary>
    /// <param name="options">The parsed options.</param>
    /// <param name="output">Where the table or JSON goes.</param>
    /// <param name="error">Where progress and warnings go.</param>
    /// <returns>0 when every shape ran (whether or not it met its target), 1 when a shape failed.</returns>
    public static int Execute(BenchOptions options, TextWriter output, TextWriter error)
    {
        if (IsDebugBuild())
        {
            error.WriteLine("reclaim bench: Reclaim was built without optimisation; run with '-c Release' for figures worth quoting.");
        }

        CPythonRunner? cpython = null;
        if (options.CPython is { } python)
        {
            cpython = CPythonRunner.TryCreate(python, out string problem);
            if (cpython is null)
            {
                error.WriteLine($"reclaim bench: CPython figures are skipped: {problem}. Reclaim's figures follow.");
            }
            else if (!cpython.Version.Contains("3.11", StringComparison.Ordinal))
            {
                error.WriteLine($"reclaim bench: comparing with {cpython.Version}; the targets are stated against CPython 3.11.");
            }
        }

        List<BenchRow> rows = [];
        bool failed = false;

        // A bar on an interactive terminal; plain progress lines on standard error otherwise (never with --json output mixed in).
        ProgressDisplay progress = ProgressDisplay.For(output, options.Json);
        progress.Run("benchmark shapes", options.Shapes.Count, step =>
        {
            foreach (int shape in options.Shapes)
            {
                step.Describe($"shape {shape}");
                if (!progress.IsVisible)
                {
                    error.WriteLine($"reclaim bench: shape {shape}...");
                }

                try
                {
                    rows.AddRange(RunShape(shape, options, cpython));
                }
                catch (Exception exception) when (exception is InvalidOperationException or OutOfMemoryException)
                {
                    error.WriteLine($"reclaim bench: shape {shape} failed: {exception.Message}");
                    failed = true;
                }

                step.Advance();
            }
        });

        if (options.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(rows, CliJsonContext.Output.ListBenchRow));
        }
        else
        {
            WriteTable(rows, options, cpython, output);
        }

        return failed ? 1 : 0;
    }

    /// <summary>Runs one shape: a warm-up, then the repetitions, each side in turn.</summary>
    /// <param name="shape">1 to 9.</param>
    /// <param name="options">Scale and repetitions.</param>
    /// <param name="cpython">The CPython side, or <see langword="null"/>.</param>
    /// <returns>The shape's rows.</returns>
    public static IReadOnlyList<BenchRow> RunShape(int shape, BenchOptions options, CPythonRunner? cpython)
    {
        if (options.Scale > WarmUpScale)
        {
            // At smaller scales the run is a smoke test whose figures nobody quotes: no warm-up needed.
            WarmUp(shape, WarmUpScale);
        }
        bool compare = cpython is not null && CPythonRunner.Shapes.Contains(shape);
        List<IReadOnlyDictionary<string, double>> reclaimRuns = [];
        List<IReadOnlyDictionary<string, double>> cpythonRuns = [];
        for (int repetition = 0; repetition < options.Repetitions; repetition++)
        {
            reclaimRuns.Add(ReclaimShapes.Run(shape, options.Scale));
            if (compare)
            {
                cpythonRuns.Add(cpython!.Run(shape, options.Scale));
            }
        }

        List<BenchRow> rows = [];
        foreach (BenchRowSpec spec in BenchRowSpec.All.Where(s => s.Shape == shape))
        {
            double reclaim = MedianOf(reclaimRuns, spec.ReclaimKey)!.Value;
            double? cpythonFigure = spec.Comparison == BenchComparison.CPython ? MedianOf(cpythonRuns, spec.ComparisonKey) : null;
            double? against = spec.Comparison switch
            {
                BenchComparison.CPython => cpythonFigure,
                BenchComparison.SameRun => MedianOf(reclaimRuns, spec.ComparisonKey),
                _ => spec.FixedTarget,
            };
            double? ratio = against / reclaim;
            rows.Add(new BenchRow(shape, spec.Name, reclaim, cpythonFigure, spec.Unit, ratio, spec.Required, spec.Target,
                ratio >= spec.Required, options.Repetitions));
        }

        return rows;
    }

    private static void WarmUp(int shape, double scale)
    {
        for (int run = 0; run < WarmUpRuns; run++)
        {
            ReclaimShapes.Run(shape, scale);
        }

        Thread.Sleep(s_warmUpPause);
        ReclaimShapes.Run(shape, scale);
    }

    private static double? MedianOf(List<IReadOnlyDictionary<string, double>> runs, string key)
    {
        List<double> values = [.. runs.Where(r => r.ContainsKey(key)).Select(r => r[key])];
        return values.Count == 0 ? null : Statistics.Median(values);
    }

    private static void WriteTable(List<BenchRow> rows, BenchOptions options, CPythonRunner? cpython, TextWriter output)
    {
        TextTable table = new(["shape", "what", "Reclaim", "CPython", "unit", "ratio", "target", "met"], [5, 36, 8, 8, 12, 7, 24, 4]);
        foreach (BenchRow row in rows)
        {
            table.AddRow([
                row.Shape.ToString(CultureInfo.InvariantCulture),
                row.Name,
                Format(row.Reclaim),
                row.CPython is { } c ? Format(c) : "—",
                row.Unit,
                row.Ratio is { } r ? Format(r) + "×" : "—",
                row.Target,
                row.Met switch { true => "yes", false => "NO", null => "—" },
            ]);
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Medians of {options.Repetitions} runs per side, scale {options.Scale}, {(cpython is null ? "no CPython" : cpython.Version)}, .NET {Environment.Version}, {Environment.ProcessorCount} cores."));
        (double read, double copy) = MemoryBandwidth.Measure();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory bandwidth (256 MiB, best of 5): sequential read {read / 1e9:0.0} GB/s, copy {copy / 1e9:0.0} GB/s."));
    }

    private static string Format(double value) => value switch
    {
        < 10 => value.ToString("0.00", CultureInfo.InvariantCulture),
        < 100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };

    private static bool IsDebugBuild() =>
        typeof(Runtime).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;
}
