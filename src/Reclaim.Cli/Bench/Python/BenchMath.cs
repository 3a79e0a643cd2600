namespace Reclaim.Cli.Bench.Python;

/// <summary>The arithmetic of the report: medians, ratios, geometric means.</summary>
public static class BenchMath
{
    /// <summary>The median of the values, or <see langword="null"/> when there are none.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The median.</returns>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : Statistics.Median(values);
    }

    /// <summary>
    /// How many times faster reclaim is than a peer: the peer's figure ÷ reclaim's (higher is better), or
    /// <see langword="null"/> when either is missing or reclaim's is not positive.
    /// </summary>
    /// <param name="peer">The peer's time (or memory).</param>
    /// <param name="reclaim">Reclaim's.</param>
    /// <returns>The ratio.</returns>
    public static double? Ratio(double? peer, double? reclaim) =>
        peer is { } p && reclaim is { } r && r > 0 && p >= 0 ? p / r : null;

    /// <summary>The geometric mean (the n-th root of the product, computed through logarithms), or <see langword="null"/> for no values.</summary>
    /// <param name="values">Positive values.</param>
    /// <returns>The geometric mean.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is zero, negative or not finite.</exception>
    public static double? GeometricMean(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        double sum = 0;
        foreach (double value in values)
        {
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, "A geometric mean needs positive, finite values.");
            }

            sum += Math.Log(value);
        }

        return Math.Exp(sum / values.Count);
    }
}
