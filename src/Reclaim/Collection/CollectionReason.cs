namespace Reclaim;

/// <summary>Why a collection ran.</summary>
internal enum CollectionReason
{
    Explicit,
    Threshold,
    MemoryPressure,
    Shutdown,
}
