namespace Reclaim;

/// <summary>
/// The fast-path token: which runtime's count changes the calling thread may make without any further check.
/// </summary>
/// <remarks>
/// A thread holds the token of a runtime exactly while it holds that runtime's lock, outside traversal, before
/// shutdown, and only in unchecked mode. <see cref="RcObject.AddRef"/>, <see cref="RcObject.Release"/>, the stores
/// and allocation compare the object's owner word with the token: one compare of two words already at hand, no
/// load through the runtime. Anything else (another thread, a traversal, a shut-down or checked runtime, an object
/// with weak references) takes the slow path, which verifies everything and refuses or queues.
/// </remarks>
public sealed partial class Runtime
{
    private ClearedOwner? _clearedOwner;

    /// <summary>
    /// What <paramref name="obj"/>'s owner word holds while it has no weak references (with some, their list is there):
    /// this runtime, or for an object the collector cleared, the runtime's <see cref="ClearedOwner"/>, which keeps the
    /// object off the fast path.
    /// </summary>
    internal object OwnerWordFor(RcObject obj) =>
        obj._state == RcObjectState.Cleared ? _clearedOwner ??= new ClearedOwner(this) : this;

    /// <summary>The runtime whose fast path this thread may take, or <see langword="null"/>.</summary>
    [ThreadStatic]
    internal static Runtime? t_fastPathRuntime;

    /// <summary>
    /// Gives the calling thread this runtime's token if it may have it now, and takes it away otherwise. Called on
    /// the thread concerned whenever one of the conditions changes: the lock is taken, a traversal ends.
    /// </summary>
    internal void RefreshFastPath()
    {
        if (!IsChecked && _traversalDepth == 0 && (_guard & GuardShutDown) == 0 && IsLockHeld)
        {
            t_fastPathRuntime = this;
        }
        else
        {
            RevokeFastPath();
        }
    }

    /// <summary>Takes this runtime's token from the calling thread (lock released, traversal begun, shutdown).</summary>
    internal void RevokeFastPath()
    {
        if (ReferenceEquals(t_fastPathRuntime, this))
        {
            t_fastPathRuntime = null;
        }
    }
}
