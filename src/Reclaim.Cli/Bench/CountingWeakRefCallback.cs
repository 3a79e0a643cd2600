namespace Reclaim.Cli.Bench;

/// <summary>A weak-reference callback that only counts its calls, so that shape 6 measures the collector, not the callback.</summary>
public sealed class CountingWeakRefCallback : RcObject, IWeakRefCallback
{
    /// <summary>How many times a referent died with this callback registered.</summary>
    public long Calls { get; private set; }

    /// <inheritdoc/>
    public void OnReferentDied(WeakRef reference) => Calls++;
}
