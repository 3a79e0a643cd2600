namespace Reclaim;

/// <summary>
/// How an object of a <see cref="HeapSnapshot"/> stands with the collector; pictures colour nodes by it.
/// Derived from the object's state and from reachability computed the collector's way (see <see cref="HeapSnapshot"/>).
/// </summary>
public enum SnapshotCondition : byte
{
    /// <summary>Reachable from a root; its finalizer, if it has one, has not run.</summary>
    Alive = 0,

    /// <summary>
    /// Cyclic garbage: no root reaches it, so the next full collection finds it; or a collection already found it
    /// and keeps it in <see cref="Gc.Garbage"/> (uncollectable, or saved by <see cref="GcDebugFlags.SaveAll"/>).
    /// </summary>
    Garbage = 1,

    /// <summary>Garbage whose finalizer already ran: a collection frees it without finalizing it again.</summary>
    Finalized = 2,

    /// <summary>Reachable, although its finalizer ran: it was dying and the finalizer (or a callback) brought it back.</summary>
    Resurrected = 3,

    /// <summary>The collector cleared it as garbage but something no traversal reports still holds it (uncollectable).</summary>
    Cleared = 4,
}
