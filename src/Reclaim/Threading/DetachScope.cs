namespace Reclaim;

/// <summary>
/// A stretch of blocking work during which the thread does not hold the runtime lock, returned by
/// <see cref="Runtime.Detach"/>. Disposing it takes the lock back — or, once shutdown has begun, meets the
/// configured <see cref="DaemonThreadOutcome"/> without touching anything of the runtime.
/// </summary>
public sealed class DetachScope : IDisposable
{
    private readonly Runtime _runtime;
    private readonly ThreadState _state;
    private readonly string _reacquireOperation;
    private bool _disposed;

    internal DetachScope(Runtime runtime, ThreadState state, string reacquireOperation)
    {
        _runtime = runtime;
        _state = state;
        _reacquireOperation = reacquireOperation;
    }

    /// <summary>Takes the runtime lock back (a safe point: pending releases and deferred work run).</summary>
    /// <exception cref="WrongThreadException">Disposed on a thread other than the one that detached.</exception>
    /// <exception cref="RuntimeShutDownException">
    /// Shutdown began meanwhile, and the thread is not a daemon background thread that <see cref="DaemonThreadOutcome.Park"/> parks.
    /// </exception>
    /// <exception cref="AbandonedLockException">The lock's holder exited without giving it back; dispose again to retry.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        int threadId = Environment.CurrentManagedThreadId;
        if (threadId != _state.ThreadId)
        {
            throw new WrongThreadException($"Reacquire for thread {_state.ThreadId} from thread {threadId}; a detach scope ends on the thread that opened it.");
        }

        // Marked first: a refused reacquire must not be retried by a second Dispose.
        _disposed = true;
        try
        {
            _runtime.Reattach(_state, _reacquireOperation);
        }
        catch (AbandonedLockException)
        {
            // The lock was taken back from the dead holder: a second Dispose can take it.
            _disposed = false;
            throw;
        }
    }
}
