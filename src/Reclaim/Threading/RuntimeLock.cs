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

    // The holder's thread, so that a waiter can tell a holder that is busy from one that exited without giving the
    // lock back (a thread that attached and never disposed its attachment).
    private Thread? _ownerThread;

    /// <summary>How often a waiter looks whether the holder's thread still exists.</summary>
    private static readonly TimeSpan DeadHolderPollInterval = TimeSpan.FromMilliseconds(100);

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
                _ownerThread = Thread.CurrentThread;
                _runtime.RefreshFastPath();
                return true;
            }

            waiter = Waiter.ForCurrentThread(threadId);
            _waiters.Enqueue(waiter);
            _waiterHint = _waiters.Count;
        }

        // Each waiter sleeps on its own event and is woken alone when the lock is handed to it (or it is refused):
        // waking every waiter on each hand-over would cost a context switch per waiter per hand-over.
        while (!waiter.Signal.Wait(DeadHolderPollInterval))
        {
            ThrowIfHolderDied(waiter);
        }

        if (waiter.Outcome != WaiterOutcome.Granted)
        {
            return false;
        }

        _runtime.RefreshFastPath();
        return true;
    }

    /// <summary>
    /// Called by a waiter that has waited a while: if the holder's thread has exited, it can never give the lock
    /// back. The lock is taken from it (nothing of the heap is mid-change: the dead thread returned from every call)
    /// and handed on, and this waiter reports the abandonment instead of waiting for ever.
    /// </summary>
    private void ThrowIfHolderDied(Waiter waiter)
    {
        int deadThreadId;
        string? deadThreadName;
        lock (_gate)
        {
            if (waiter.Outcome != WaiterOutcome.Waiting || _ownerThread is not { IsAlive: false } dead)
            {
                return;
            }

            deadThreadId = OwnerThreadId;
            deadThreadName = dead.Name;
            RemoveWaiter(waiter);
            HandOver();
        }

        // Outside the gate: the runtime's thread registry is always locked before the gate, never after.
        _runtime.ForgetDeadThread(deadThreadId);
        throw new AbandonedLockException(deadThreadId, deadThreadName);
    }

    private void RemoveWaiter(Waiter waiter)
    {
        int count = _waiters.Count;
        for (int i = 0; i < count; i++)
        {
            Waiter next = _waiters.Dequeue();
            if (!ReferenceEquals(next, waiter))
            {
                _waiters.Enqueue(next);
            }
        }

        _waiterHint = _waiters.Count;
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
            HandOver();
        }
    }

    /// <summary>Under the gate: frees the lock and gives it to the next waiter that may still have it.</summary>
    private void HandOver()
    {
        OwnerThreadId = 0;
        _ownerThread = null;
        while (_waiters.TryDequeue(out Waiter? next))
        {
            if (_closed && next.ThreadId != _privilegedThreadId)
            {
                next.Wake(WaiterOutcome.Refused);
                continue;
            }

            OwnerThreadId = next.ThreadId;
            _ownerThread = next.Thread;
            next.Wake(WaiterOutcome.Granted);
            break;
        }

        _waiterHint = _waiters.Count;
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

        public Thread Thread { get; } = Thread.CurrentThread;

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
