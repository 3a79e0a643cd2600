namespace Reclaim;

/// <summary>
/// A thread's attachment to a runtime, returned by <see cref="Runtime.Attach"/>: while it is open the thread has a
/// thread state and (unless inside a <see cref="DetachScope"/>) holds the runtime lock. Dispose it on the same thread.
/// </summary>
/// <remarks>
/// The handle reaches the thread state only after checking that shutdown has not invalidated it, so a handle that
/// outlives its runtime is harmless: disposing it after shutdown does nothing.
/// </remarks>
public sealed class ThreadAttachment : IDisposable
{
    private readonly Runtime _runtime;
    private readonly ThreadState _state;
    private readonly bool _tookLock;
    private bool _disposed;

    internal ThreadAttachment(Runtime runtime, ThreadState state, bool tookLock)
    {
        _runtime = runtime;
        _state = state;
        _tookLock = tookLock;
    }

    /// <summary>The runtime this thread is attached to.</summary>
    public Runtime Runtime => _runtime;

    /// <summary>The managed id of the attached thread.</summary>
    public int ThreadId => _state.ThreadId;

    /// <summary>Whether shutdown leaves this thread alone (true for foreign threads and daemon runtime threads).</summary>
    public bool IsDaemon => _state.IsDaemon;

    /// <summary>Releases the lock around blocking work; see <see cref="Runtime.Detach"/>.</summary>
    /// <returns>The scope; disposing it takes the lock back.</returns>
    public DetachScope Detach()
    {
        ThrowIfUnusable("Detach");
        return _runtime.Detach();
    }

    /// <summary>Lets waiting threads run; see <see cref="Runtime.Yield"/>.</summary>
    public void Yield()
    {
        ThrowIfUnusable("Yield");
        _runtime.Yield();
    }

    /// <summary>Ends the attachment: gives the lock back if <see cref="Runtime.Attach"/> took it. Does nothing after shutdown.</summary>
    /// <exception cref="WrongThreadException">Disposed on another thread, or while the thread is inside a <see cref="DetachScope"/> this attachment contains.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        ThrowIfWrongThread("Dispose");
        if (!_state.IsValid || _runtime.State == RuntimeState.ShutDown)
        {
            // Shutdown took the thread state away; there is nothing left to give back.
            _disposed = true;
            return;
        }

        _runtime.EndAttachment(_state, _tookLock);
        _disposed = true;
    }

    /// <summary>A description for diagnostics.</summary>
    public override string ToString() => $"ThreadAttachment(thread {_state.ThreadId}{(_state.IsDaemon ? ", daemon" : string.Empty)}{(_disposed ? ", disposed" : string.Empty)})";

    private void ThrowIfUnusable(string operation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfWrongThread(operation);
    }

    private void ThrowIfWrongThread(string operation)
    {
        int threadId = Environment.CurrentManagedThreadId;
        if (threadId != _state.ThreadId)
        {
            throw new WrongThreadException($"{operation} on the attachment of thread {_state.ThreadId} from thread {threadId}; a thread's attachment belongs to that thread.");
        }
    }
}
