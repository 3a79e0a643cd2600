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
    /// Work deferred while a drain runs waits for the next safe point.
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

    /// <summary>
    /// Runs the deferred work present when the drain starts, in order. Work queued by those actions waits for the next
    /// safe point: an action that re-defers itself runs once per safe point instead of keeping this one from returning.
    /// </summary>
    private void RunDeferredWork()
    {
        for (int remaining = _deferredWork.Count; remaining > 0 && _deferredWork.TryDequeue(out Action? work); remaining--)
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
