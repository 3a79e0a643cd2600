using System.Text.Json.Serialization;

namespace Reclaim.Cli.Bench;

/// <summary>One line of <c>reclaim bench</c>'s result: the JSON shape is part of the command's contract.</summary>
/// <param name="Shape">The shape, 1 to 9.</param>
/// <param name="Name">What the row measures.</param>
/// <param name="Reclaim">Reclaim's median.</param>
/// <param name="CPython">CPython's median under the same workload, or <see langword="null"/> when the shape has no CPython side or python3 was not run.</param>
/// <param name="Unit">The unit of <paramref name="Reclaim"/> and <paramref name="CPython"/>.</param>
/// <param name="Ratio">
/// CPython ÷ Reclaim; for a row without a CPython side, its comparison figure ÷ Reclaim (plain .NET allocation, or the
/// fixed target). Higher is better. <see langword="null"/> when the comparison figure is missing.
/// </param>
/// <param name="Required">The ratio the target asks for.</param>
/// <param name="Target">The target in words.</param>
/// <param name="Met">Whether the ratio reaches <paramref name="Required"/>; <see langword="null"/> when there is no ratio.</param>
/// <param name="Repetitions">How many measured runs the medians are taken over.</param>
public sealed record BenchRow(
    int Shape,
    string Name,
    double Reclaim,
    [property: JsonPropertyName("cpython")] double? CPython,
    string Unit,
    double? Ratio,
    double Required,
    string Target,
    bool? Met,
    int Repetitions);
