namespace Reclaim;

/// <summary>Whether user code is running from inside a death or a collection.</summary>
public sealed partial class Runtime
{
    /// <summary>
    /// True while deaths are being processed (a deallocation drain or a collection). Only then can user code
    /// see an object that already died but whose weak-reference callbacks have not run yet; outside, every
    /// death that happened has completed, callbacks included. Weak dictionaries use it to keep their counts exact.
    /// </summary>
    internal bool IsProcessingDeaths => _deallocating || _deferDepth != 0 || _collector.Collecting;
}
