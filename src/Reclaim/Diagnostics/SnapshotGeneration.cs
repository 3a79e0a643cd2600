namespace Reclaim;

/// <summary>Where an object of a <see cref="HeapSnapshot"/> was when the snapshot was taken.</summary>
public enum SnapshotGeneration : byte
{
    /// <summary>The youngest generation.</summary>
    Generation0 = 0,

    /// <summary>The middle generation.</summary>
    Generation1 = 1,

    /// <summary>The oldest generation.</summary>
    Generation2 = 2,

    /// <summary>The permanent generation (<see cref="Gc.Freeze"/>): never collected, so the snapshot treats it as a root.</summary>
    Permanent = 3,

    /// <summary>
    /// Not tracked by the collector: a leaf (or an object of another runtime) that a tracked object references.
    /// Only untracked objects some traversal reports are in a snapshot.
    /// </summary>
    Untracked = 0xFF,
}
