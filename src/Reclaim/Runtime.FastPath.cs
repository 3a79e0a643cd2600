namespace Reclaim;

/// <summary>
/// The fast-path token: which runtime's count changes the calling thread may make without any further check.
/// </summary>
/// <remarks>
/// A thread holds the token of a runtime (its index, see <see cref="RuntimeIndexTable"/>) exactly while it holds that
/// runtime's lock, outside traversal, before shutdown, and only in unchecked mode. <see cref="RcObject.AddRef"/>,
/// <see cref="RcObject.Release"/>, the stores and allocation compare the object's owner word with the token: one
/// compare of two ints already at hand, no load through the runtime. Anything else (another thread, a traversal, a
/// shut-down or checked runtime, an object with weak references or cleared by the collector) takes the slow path,
/// which verifies everything and refuses or queues.
/// </remarks>
public sealed partial class Runtime
{
    /// <summary>This runtime's index: what its objects' owner words and its fast-path token hold.</summary>
    internal readonly int _index;

    /// <summary>The index of the runtime whose fast path this thread may take, or 0.</summary>
    [ThreadStatic]
    internal static int t_fastPathToken;

    /// <summary>
    /// True on a thread while the runtime runs an object's <see cref="RcObject.ClearReferences"/> because the object
    /// dies: the fields and lists that hook empties are closed rather than just emptied (<see cref="ClosedSlot"/>).
    /// Beside <see cref="t_fastPathToken"/> on purpose: thread statics of one class share one thread-local block, so
    /// a method that reads both (a death's clear, whose field releases compare the token) finds the block once.
    /// </summary>
    [ThreadStatic]
    internal static bool t_closing;

    /// <summary>
    /// Gives the calling thread this runtime's token if it may have it now, and takes it away otherwise. Called on
    /// the thread concerned whenever one of the conditions changes: the lock is taken, a traversal ends.
    /// </summary>
    internal void RefreshFastPath()
    {
        if (!IsChecked && _traversalDepth == 0 && (_guard & GuardShutDown) == 0 && IsLockHeld)
        {
            int previous = t_fastPathToken;
            if (previous != _index && previous != 0)
            {
                // The thread moves on (to a runtime it created or entered) still holding the other one's lock: that
                // token is gone, so the table must stop holding its runtime, or an undisposed runtime would never be
                // collected (and with it everything it owns).
                RuntimeIndexTable.Unhold(previous);
            }

            t_fastPathToken = _index;
            RuntimeIndexTable.Hold(this);
        }
        else
        {
            RevokeFastPath();
        }
    }

    /// <summary>Takes this runtime's token from the calling thread (lock released, traversal begun, shutdown).</summary>
    internal void RevokeFastPath()
    {
        if (t_fastPathToken == _index)
        {
            t_fastPathToken = 0;
            RuntimeIndexTable.Unhold(this);
        }
    }
}
