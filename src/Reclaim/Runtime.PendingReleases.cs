using System.Collections.Concurrent;

namespace Reclaim;

/// <summary>
/// Releases from threads that do not hold the runtime lock — and from the .NET finalizer thread, for owned handles
/// nobody disposed — are queued here and applied by the lock holder at the next safe point (PyO3's reference pool,
/// pythonnet's finalizer queue). Never inside a collection pass and never from traversal (invariant I3).
/// </summary>
public sealed partial class Runtime
{
    // ConcurrentQueue is lock-free for many producers; only the lock holder consumes.
    private readonly ConcurrentQueue<RcObject> _pendingReleases = new();
    private int _pendingReleaseCount;
    private long _pendingReleasesApplied;
    private long _lateReleases;

    /// <summary>Releases queued by other threads and not applied yet.</summary>
    public int PendingReleaseCount => Volatile.Read(ref _pendingReleaseCount);

    /// <summary>
    /// Applies every queued release now (a safe point for them only). Returns how many were applied. Does nothing
    /// while a collection is running: queued releases wait for the next safe point outside it.
    /// </summary>
    /// <returns>The number of releases applied.</returns>
    /// <exception cref="LockNotHeldException">The calling thread does not hold the runtime lock.</exception>
    /// <exception cref="TraversalViolationException">Called from a <see cref="RcObject.TraverseReferences"/> implementation.</exception>
    public int DrainPendingReleases()
    {
        ThrowIfShutDown("DrainPendingReleases");
        ThrowIfLockNotHeld("DrainPendingReleases");
        ThrowIfTraversing(null, "DrainPendingReleases");
        return _collector.Collecting ? 0 : ApplyPendingReleases();
    }

    /// <summary>
    /// Queues a release for the lock holder. Called by <see cref="RcObject.Release"/> on a thread without the lock and
    /// by <see cref="Owned{T}"/>'s .NET finalizer. After shutdown the release is counted as late and dropped: the
    /// object may be long gone, and nothing may touch it.
    /// </summary>
    internal void QueueRelease(RcObject obj)
    {
        if (State == RuntimeState.ShutDown)
        {
            Interlocked.Increment(ref _lateReleases);
            return;
        }

        Interlocked.Increment(ref _pendingReleaseCount);
        _pendingReleases.Enqueue(obj);

        // Shutdown may have retired the queue between the check above and the enqueue (State is written before
        // the retiring drain, and the enqueue is a full fence): then nobody else will ever look at the queue again,
        // so this thread retires what it finds — the release is counted as late, never left queued for ever.
        if (State == RuntimeState.ShutDown)
        {
            RetirePendingReleases();
        }
    }

    /// <summary>Applies queued releases on the lock holder's thread; misuse found now goes to the unraisable hook.</summary>
    private int ApplyPendingReleases()
    {
        int applied = 0;
        while (_pendingReleases.TryDequeue(out RcObject? pending))
        {
            Interlocked.Decrement(ref _pendingReleaseCount);
            try
            {
                pending.Release();
                applied++;
                Interlocked.Increment(ref _pendingReleasesApplied);
            }
            catch (ReclaimException exception)
            {
                // A double release or underflow from another thread has no caller left to throw to.
                ReportUnraisable(exception, UnraisablePhase.PendingRelease, pending);
            }
        }

        return applied;
    }

    /// <summary>
    /// Empties the queue for good at the end of shutdown, counting each release as late and applying none. Safe from
    /// any thread once the state is <see cref="RuntimeState.ShutDown"/>: dropping touches no object.
    /// </summary>
    private void RetirePendingReleases()
    {
        // Pairs with the fence of a racing enqueue: either this drain sees its item, or that thread sees ShutDown.
        Interlocked.MemoryBarrier();
        while (_pendingReleases.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _pendingReleaseCount);
            Interlocked.Increment(ref _lateReleases);
        }
    }

    /// <summary>Releases queued after their runtime ended, counted and never applied.</summary>
    internal long LateReleaseCount => Interlocked.Read(ref _lateReleases);
}
