namespace Reclaim;

/// <summary>
/// Work deferred to the next safe point: code that must not run where it was requested (a watcher callback that
/// may not mutate watched state, a weak-reference clear observed mid-collection) queues it here.
/// </summary>
public sealed partial class Runtime
{
    private readonly Queue<Action> _deferredWork = new();

    /// <summary>How many deferred actions are waiting for the next safe point.</summary>
    public int DeferredWorkCount => _deferredWork.Count;

    /// <summary>
    /// Queues <paramref name="work"/> to run at the next safe point (<see cref="SafePoint"/>, the start of a collection,
    /// and the other safe points of the thread model), on the thread that holds the runtime, in the order queued.
    /// An exception it throws goes to <see cref="UnraisableHook"/> with <see cref="UnraisablePhase.DeferredWork"/>.
    /// </summary>
    /// <param name="work">The action to run later.</param>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime has been shut down.</exception>
    public void Defer(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ThrowIfShutDown("Defer");
        ThrowIfLockNotHeld("Defer");
        _deferredWork.Enqueue(work);
    }

    /// <summary>Runs deferred work, including work queued by the actions themselves, until the queue is empty.</summary>
    private void RunDeferredWork()
    {
        while (_deferredWork.TryDequeue(out Action? work))
        {
            try
            {
                work();
            }
            catch (Exception exception)
            {
                ReportUnraisable(exception, UnraisablePhase.DeferredWork, null);
            }
        }
    }
}
