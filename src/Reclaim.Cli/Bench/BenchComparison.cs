namespace Reclaim.Cli.Bench;

/// <summary>What a benchmark row's Reclaim figure is compared with.</summary>
public enum BenchComparison
{
    /// <summary>The CPython side's figure under the same key: ratio = CPython ÷ Reclaim.</summary>
    CPython,

    /// <summary>Another figure of the Reclaim side's own run (plain .NET allocation): ratio = that figure ÷ Reclaim.</summary>
    SameRun,

    /// <summary>A fixed target: ratio = target ÷ Reclaim.</summary>
    FixedTarget,
}
