using Reclaim.Cli.Bench.Python;

namespace Reclaim.Tests.Cli.PythonBench;

/// <summary>Medians, ratios and geometric means of the report.</summary>
public sealed class BenchMathTests
{
    [Fact]
    public void Median_OddEvenAndEmpty()
    {
        Assert.Equal(3.0, BenchMath.Median([9.0, 1.0, 3.0]));
        Assert.Equal(2.5, BenchMath.Median([4.0, 1.0, 2.0, 3.0]));
        Assert.Null(BenchMath.Median([]));
    }

    [Fact]
    public void Ratio_IsPeerOverReclaim_AndMissingWithoutBothFigures()
    {
        Assert.Equal(2.0, BenchMath.Ratio(3.6, 1.8));
        Assert.Equal(0.5, BenchMath.Ratio(1.0, 2.0));
        Assert.Null(BenchMath.Ratio(null, 2.0));
        Assert.Null(BenchMath.Ratio(2.0, null));
        Assert.Null(BenchMath.Ratio(2.0, 0.0));
    }

    [Fact]
    public void GeometricMean_IsTheNthRootOfTheProduct()
    {
        Assert.Equal(2.0, BenchMath.GeometricMean([1.0, 4.0])!.Value, 12);
        Assert.Equal(4.0, BenchMath.GeometricMean([2.0, 8.0, 4.0])!.Value, 12);
        Assert.Equal(0.5, BenchMath.GeometricMean([0.5])!.Value, 12);
        // A program twice as fast and one twice as slow are parity.
        Assert.Equal(1.0, BenchMath.GeometricMean([2.0, 0.5])!.Value, 12);
        Assert.Null(BenchMath.GeometricMean([]));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void GeometricMean_OfANonPositiveOrNonFiniteValue_Throws(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BenchMath.GeometricMean([1.0, bad]));
    }
}
