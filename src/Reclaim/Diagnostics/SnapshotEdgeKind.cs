namespace Reclaim;

/// <summary>What kind of reference a <see cref="SnapshotEdge"/> is.</summary>
public enum SnapshotEdgeKind : byte
{
    /// <summary>A counted reference, reported by the holder's <see cref="RcObject.TraverseReferences"/>.</summary>
    Strong = 0,

    /// <summary>A <see cref="WeakRef"/>'s reference to its referent: it keeps nothing alive.</summary>
    Weak = 1,
}
