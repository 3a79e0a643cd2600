namespace Reclaim;

/// <summary>One reference between two objects of a <see cref="HeapSnapshot"/>, by snapshot id.</summary>
/// <param name="From">The id of the object holding the reference.</param>
/// <param name="To">The id of the object referred to.</param>
/// <param name="Kind">Strong (counted, from traversal) or weak (a weak reference's referent).</param>
public readonly record struct SnapshotEdge(int From, int To, SnapshotEdgeKind Kind);
