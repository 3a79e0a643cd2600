namespace Reclaim;

/// <summary>
/// The runtime lock (CPython's GIL): one holder at a time, handed over first-come first-served so that
/// <see cref="Runtime.Yield"/> really lets a waiting thread in. Once closed by shutdown it grants no one but the
/// shutting-down thread: every waiter — including one already queued when shutdown began — is refused (I4).
/// </summary>
internal sealed class RuntimeLock
{
    private readonly object _gate = new();
    private readonly Queue<Waiter> _waiters = new();
    private readonly Runtime _runtime;
    private bool _closed;
    private int _privilegedThreadId;
    private int _waiterHint;

    internal RuntimeLock(Runtime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>
    /// Managed id of the holder, 0 when free. Stored in the runtime itself (<see cref="Runtime._lockOwnerThreadId"/>)
    /// so that <see cref="Runtime.IsLockHeld"/> and the count slow paths read it with one load from the runtime.
    /// </summary>
    internal int OwnerThreadId
    {
        get => _runtime._lockOwnerThreadId;
        private set => _runtime._lockOwnerThreadId = value;
    }

    /// <summary>Threads queued for the lock right now.</summary>
    internal int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Whether any thread is queued; a cheap unsynchronised hint for <see cref="Runtime.Yield"/>.</summary>
    internal bool HasWaiters => Volatile.Read(ref _waiterHint) != 0;

    /// <summary>Takes the lock for <paramref name="threadId"/>, waiting in line.</summary>
    /// <returns><see langword="false"/> when shutdown refused the thread (before or while it waited).</returns>
    internal bool Acquire(int threadId)
    {
        Waiter waiter;
        lock (_gate)
        {
            if (_closed && threadId != _privilegedThreadId)
            {
                return false;
            }

            if (OwnerThreadId == 0 && _waiters.Count == 0)
            {
                OwnerThreadId = threadId;
                _runtime.RefreshFastPath();
                return true;
            }

            waiter = Waiter.ForCurrentThread(threadId);
            _waiters.Enqueue(waiter);
            _waiterHint = _waiters.Count;
        }

        // Each waiter sleeps on its own event and is woken alone when the lock is handed to it (or it is refused):
        // waking every waiter on each hand-over would cost a context switch per waiter per hand-over.
        waiter.Signal.Wait();
        if (waiter.Outcome != WaiterOutcome.Granted)
        {
            return false;
        }

        _runtime.RefreshFastPath();
        return true;
    }

    /// <summary>Gives the lock to the next thread in line that may still have it, or frees it.</summary>
    internal void Release(int threadId)
    {
        lock (_gate)
        {
            if (OwnerThreadId != threadId)
            {
                throw new WrongThreadException($"Thread {threadId} released the runtime lock, which thread {OwnerThreadId} holds.");
            }

            _runtime.RevokeFastPath();
            OwnerThreadId = 0;
            while (_waiters.TryDequeue(out Waiter? next))
            {
                if (_closed && next.ThreadId != _privilegedThreadId)
                {
                    next.Wake(WaiterOutcome.Refused);
                    continue;
                }

                OwnerThreadId = next.ThreadId;
                next.Wake(WaiterOutcome.Granted);
                break;
            }

            _waiterHint = _waiters.Count;
        }
    }

    /// <summary>
    /// Shutdown: from now on only <paramref name="privilegedThreadId"/> (the caller, who holds the lock) may take it;
    /// every queued thread is refused at once.
    /// </summary>
    internal void Close(int privilegedThreadId)
    {
        lock (_gate)
        {
            _closed = true;
            _privilegedThreadId = privilegedThreadId;
            // The privileged thread holds the lock, so it cannot be among the waiters.
            while (_waiters.TryDequeue(out Waiter? waiter))
            {
                waiter.Wake(WaiterOutcome.Refused);
            }

            _waiterHint = 0;
        }
    }

    private enum WaiterOutcome
    {
        Waiting,
        Granted,
        Refused,
    }

    /// <summary>A queued thread. One per thread, reused: a thread waits for at most one lock at a time.</summary>
    private sealed class Waiter
    {
        [ThreadStatic]
        private static Waiter? t_current;

        public int ThreadId { get; private set; }

        public WaiterOutcome Outcome { get; private set; }

        public ManualResetEventSlim Signal { get; } = new(false);

        public static Waiter ForCurrentThread(int threadId)
        {
            Waiter waiter = t_current ??= new Waiter();
            waiter.ThreadId = threadId;
            waiter.Outcome = WaiterOutcome.Waiting;
            waiter.Signal.Reset();
            return waiter;
        }

        /// <summary>Called under the lock's gate; the outcome is written before the event releases the waiter.</summary>
        public void Wake(WaiterOutcome outcome)
        {
            Outcome = outcome;
            Signal.Set();
        }
    }
}
