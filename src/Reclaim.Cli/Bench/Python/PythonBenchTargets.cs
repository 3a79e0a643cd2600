using System.Globalization;

namespace Reclaim.Cli.Bench.Python;

/// <summary>The speed issue's targets, judged from the rows of one run.</summary>
public static class PythonBenchTargets
{
    /// <summary>The timed <c>gc.collect()</c> of each collector program, against CPython.</summary>
    public const double CollectorRequired = 2.0;

    /// <summary>The geometric mean of whole-process ratios over the general and lifecycle programs.</summary>
    public const double GeometricMeanRequired = 1.0;

    /// <summary>The lowest whole-process ratio any one program may have.</summary>
    public const double FloorRequired = 0.5;

    /// <summary>Start-up of <c>reclaim run -c pass</c> against <c>python3 -c pass</c>.</summary>
    public const double StartUpRequired = 1.0;

    /// <summary>The highest ratio of reclaim's peak memory to CPython's on any program.</summary>
    public const double MemoryAllowed = 1.5;

    /// <summary>Judges every target.</summary>
    /// <param name="rows">The rows of a run (programs and the start-up row).</param>
    /// <returns>One status per target, PyPy last (reported, no target).</returns>
    public static IReadOnlyList<TargetStatus> Judge(IReadOnlyList<PythonBenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        List<TargetStatus> targets = [];
        foreach (PythonBenchRow row in rows.Where(r => r.Kind == "collector"))
        {
            targets.Add(new TargetStatus($"{row.Program}: timed gc.collect()", $"≥ {CollectorRequired:0.0}× CPython",
                row.RatioCPython, row.RatioCPython >= CollectorRequired, Missing(row) ?? "CPython ÷ reclaim, medians"));
        }

        List<PythonBenchRow> programs = [.. rows.Where(r => r.Kind is "general" or "lifecycle")];
        List<PythonBenchRow> compared = [.. programs.Where(r => r.RatioCPython.HasValue)];
        string coverage = $"{compared.Count} of {programs.Count} programs compared";
        double? mean = BenchMath.GeometricMean([.. compared.Select(r => r.RatioCPython!.Value)]);
        targets.Add(new TargetStatus("general and lifecycle programs: geometric mean", $"≥ {GeometricMeanRequired:0.0}× CPython",
            mean, Complete(mean, compared.Count, programs.Count, mean >= GeometricMeanRequired), coverage));

        PythonBenchRow? slowest = compared.MinBy(r => r.RatioCPython!.Value);
        targets.Add(new TargetStatus("general and lifecycle programs: slowest", $"≥ {FloorRequired:0.0}× CPython",
            slowest?.RatioCPython, Complete(slowest?.RatioCPython, compared.Count, programs.Count, slowest?.RatioCPython >= FloorRequired),
            slowest is null ? coverage : $"{slowest.Program}; {coverage}"));

        PythonBenchRow? startUp = rows.FirstOrDefault(r => r.Kind == "start-up");
        bool realStartUp = startUp is not null && startUp.Program.Contains("-c pass", StringComparison.Ordinal);
        targets.Add(new TargetStatus("start-up: reclaim run -c pass", $"≥ {StartUpRequired:0.0}× python3 -c pass",
            startUp?.RatioCPython, realStartUp && startUp!.RatioCPython.HasValue ? startUp.RatioCPython >= StartUpRequired : null,
            startUp is null ? "not measured"
                : realStartUp ? "whole-process time, medians"
                : "reclaim cannot run -c pass yet: the figure is `reclaim --version`, a process start with no interpreter"));

        List<PythonBenchRow> withMemory = [.. rows.Where(r => r.Kind != "start-up" && r.MemoryRatioCPython.HasValue)];
        PythonBenchRow? hungriest = withMemory.MaxBy(r => r.MemoryRatioCPython!.Value);
        targets.Add(new TargetStatus("peak memory: highest program", $"≤ {MemoryAllowed:0.0}× CPython's peak",
            hungriest?.MemoryRatioCPython,
            Complete(hungriest?.MemoryRatioCPython, withMemory.Count, rows.Count(r => r.Kind != "start-up"), hungriest?.MemoryRatioCPython <= MemoryAllowed),
            hungriest is null ? "not measured" : $"{hungriest.Program}; reclaim's peak ÷ CPython's"));

        List<double> pypy = [.. programs.Where(r => r.RatioPyPy.HasValue).Select(r => r.RatioPyPy!.Value)];
        targets.Add(new TargetStatus("against PyPy: geometric mean", "reported, no target", BenchMath.GeometricMean(pypy), null,
            string.Create(CultureInfo.InvariantCulture, $"{pypy.Count} of {programs.Count} programs compared")));
        return targets;
    }

    /// <summary>A target over several programs is met only when every one of them was compared.</summary>
    private static bool? Complete(double? value, int compared, int total, bool? met) =>
        value is null ? null : compared < total ? false : met;

    private static string? Missing(PythonBenchRow row) =>
        row.RatioCPython.HasValue ? null
            : row.Sides.FirstOrDefault(s => s.Failure is not null) is { } failed ? $"{failed.Peer} failed: {failed.Failure}"
            : "no CPython figure";
}
