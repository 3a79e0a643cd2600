namespace Reclaim.Cli.Bench;

/// <summary>
/// One line of the benchmark table: which figure of which shape it reports, what it is compared with, and the
/// ratio it must reach. Every ratio reads "higher is better", so a row meets its target when ratio ≥ <see cref="Required"/>.
/// </summary>
/// <param name="Shape">The shape, 1 to 9.</param>
/// <param name="Name">What the row measures.</param>
/// <param name="Unit">The unit of the figures.</param>
/// <param name="ReclaimKey">The key of the Reclaim figure.</param>
/// <param name="Comparison">What the figure is compared with.</param>
/// <param name="ComparisonKey">The key of the comparison figure (CPython or same run); unused for a fixed target.</param>
/// <param name="FixedTarget">The target figure, for <see cref="BenchComparison.FixedTarget"/>.</param>
/// <param name="Required">The ratio the target asks for.</param>
/// <param name="Target">The target in words.</param>
public sealed record BenchRowSpec(
    int Shape,
    string Name,
    string Unit,
    string ReclaimKey,
    BenchComparison Comparison,
    string ComparisonKey,
    double FixedTarget,
    double Required,
    string Target)
{
    /// <summary>Every row, in shape order.</summary>
    public static IReadOnlyList<BenchRowSpec> All { get; } =
    [
        VsCPython(1, "full collection, 1M live objects in rings of 10", "ns/object", 3),
        VsCPython(2, "full collection, 1M garbage beside 1M live (per object examined)", "ns/object", 3),
        VsCPython(3, "allocate + release, 1M acyclic containers", "ns/object", 2),
        new(3, "allocate + release vs plain .NET new (ratio = .NET ÷ Reclaim)", "ns/object", ReclaimShapes.NsPerObject,
            BenchComparison.SameRun, ReclaimShapes.DotNetNsPerObject, 0, 0.5, "within 2× of plain .NET"),
        Fixed(4, "gen-0 pause, 700 young beside 1M old", "ms", ReclaimShapes.PauseSmallOldMs, 1.0, "under 1 ms"),
        Fixed(4, "gen-0 pause, 700 young beside 10M old", "ms", ReclaimShapes.PauseLargeOldMs, 1.0, "under 1 ms, flat"),
        VsCPython(5, "release of a 10M-long chain", "ns/object", 3),
        VsCPython(6, "1M cyclic garbage with live weakref callbacks", "ns/object", 2),
        VsCPython(7, "100k cyclic garbage with finalizers", "ns/object", 2),
        Fixed(8, "AddRef + Release pair", "ns/pair", ReclaimShapes.NsPerPair, 1.5, "under 1.5 ns"),
        new(9, "memory, shape 1 heap (CPython: __slots__ class)", "bytes/object", ReclaimShapes.BytesPerObject,
            BenchComparison.CPython, ReclaimShapes.BytesPerObject, 0, 1, "≤ CPython"),
        new(9, "memory, shape 1 heap (CPython: plain class)", "bytes/object", ReclaimShapes.BytesPerObject,
            BenchComparison.CPython, "plain_bytes_per_object", 0, 1, "≤ CPython"),
    ];

    private static BenchRowSpec VsCPython(int shape, string name, string unit, double required) =>
        new(shape, name, unit, ReclaimShapes.NsPerObject, BenchComparison.CPython, ReclaimShapes.NsPerObject, 0, required,
            $"≥{required:0.#}× faster than CPython");

    private static BenchRowSpec Fixed(int shape, string name, string unit, string key, double target, string words) =>
        new(shape, name, unit, key, BenchComparison.FixedTarget, "", target, 1, words);
}
