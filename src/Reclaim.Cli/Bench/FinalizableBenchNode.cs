namespace Reclaim.Cli.Bench;

/// <summary>A benchmark node with a finalizer (the CPython side's <c>__del__</c>) that counts its runs.</summary>
public sealed class FinalizableBenchNode : LinkedNode
{
    /// <summary>How many finalizers of this type ran since the count was last reset (one thread only, like a runtime).</summary>
    public static long FinalizedCount { get; set; }

    /// <inheritdoc/>
    protected override void OnFinalize() => FinalizedCount++;
}
