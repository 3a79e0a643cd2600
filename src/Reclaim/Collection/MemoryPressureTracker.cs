namespace Reclaim;

/// <summary>
/// Paces full collections by declared native memory. A full collection falls due when the bytes declared since
/// the last one exceed the larger of the configured budget and what the last full collection left alive, so
/// the native heap can at most about double between full collections, whatever the object counts do.
/// </summary>
internal sealed class MemoryPressureTracker
{
    public long Budget { get; set; } = 64L * 1024 * 1024;

    public long Current { get; private set; }

    public long AddedSinceFullCollection { get; private set; }

    public long LiveAfterLastFullCollection { get; private set; }

    public long Collections { get; private set; }

    private long Threshold => Math.Max(Budget, LiveAfterLastFullCollection);

    /// <summary>Records <paramref name="bytes"/>; returns whether a full collection is now due.</summary>
    public bool Add(long bytes)
    {
        Current += bytes;
        AddedSinceFullCollection += bytes;
        return ShouldCollectFully();
    }

    public void Remove(long bytes) => Current -= bytes;

    public bool ShouldCollectFully() => AddedSinceFullCollection > Threshold;

    public void OnPressureCollection() => Collections++;

    public void OnFullCollection()
    {
        AddedSinceFullCollection = 0;
        LiveAfterLastFullCollection = Current;
    }
}
