using System.Runtime.CompilerServices;

namespace Reclaim;

/// <summary>
/// The thread model (invariant I4): one runtime lock, thread states reached only through handles that shutdown
/// invalidates, detach/reacquire around blocking work, and threads started through the runtime.
/// </summary>
public sealed partial class Runtime
{
    /// <summary>Managed id of the lock holder, 0 when free; see <see cref="RuntimeLock.OwnerThreadId"/>.</summary>
    internal int _lockOwnerThreadId;

    private readonly RuntimeLock _lock;
    private readonly object _threadsGate = new();
    private readonly Dictionary<int, ThreadState> _threadStates = [];
    private readonly List<RuntimeThread> _runtimeThreads = [];
    private readonly ManualResetEventSlim _parkedThreadsRelease = new(false);
    private int _refusedThreads;
    private int _parkedThreads;
    private int _threadNameCounter;

    /// <summary>Whether the calling thread holds this runtime's lock.</summary>
    public bool IsLockHeld => _lockOwnerThreadId == Environment.CurrentManagedThreadId;

    /// <summary>Threads started with <see cref="StartThread"/> that have not finished yet.</summary>
    internal IReadOnlyList<RuntimeThread> Threads
    {
        get
        {
            lock (_threadsGate)
            {
                return [.. _runtimeThreads];
            }
        }
    }

    /// <summary>
    /// Thread and queue figures. Callable from any thread: each figure is read consistently on its own, not all
    /// of them at one instant.
    /// </summary>
    /// <returns>The figures now.</returns>
    public RuntimeStats GetStats()
    {
        int attached, runtimeThreads;
        lock (_threadsGate)
        {
            attached = _threadStates.Count;
            runtimeThreads = _runtimeThreads.Count;
        }

        return new RuntimeStats(
            State,
            _collector.TrackedCount,
            PendingReleaseCount,
            Interlocked.Read(ref _pendingReleasesApplied),
            LateReleaseCount,
            DeferredWorkCount,
            attached,
            _lock.WaitingCount,
            runtimeThreads,
            RefusedThreadCount);
    }

    /// <summary>
    /// Gives the calling thread its thread state and the runtime lock (<c>PyGILState_Ensure</c>), waiting in line
    /// for it. Attaching again on a thread that already holds the lock only counts; it never deadlocks. Dispose the
    /// returned handle on the same thread to undo it.
    /// </summary>
    /// <returns>The attachment; disposing it gives the lock back if this call took it.</returns>
    /// <exception cref="RuntimeShutDownException">
    /// Shutdown has begun or the runtime is shut down. With <see cref="DaemonThreadOutcome.Park"/> a .NET background
    /// thread blocks for ever instead; a foreground thread always gets the exception (parked, it would keep the
    /// process from exiting).
    /// </exception>
    /// <exception cref="AbandonedLockException">The lock's holder exited without giving it back; the lock was taken back, so try again.</exception>
    /// <remarks>Threads attached this way are daemon threads: shutdown does not wait for them.</remarks>
    public ThreadAttachment Attach() => AttachThread(runtimeThread: null, mayPark: true);

    /// <summary>
    /// Releases the runtime lock around blocking work (<c>Py_BEGIN_ALLOW_THREADS</c>); disposing the scope takes it
    /// back (<c>Py_END_ALLOW_THREADS</c>) and is a safe point. While detached the thread must not touch runtime
    /// objects: increments throw <see cref="LockNotHeldException"/> and releases are queued.
    /// </summary>
    /// <returns>The scope; dispose it on the same thread.</returns>
    /// <exception cref="WrongThreadException">The calling thread does not hold the runtime lock.</exception>
    /// <exception cref="TraversalViolationException">Called from a <see cref="RcObject.TraverseReferences"/> implementation.</exception>
    public DetachScope Detach() => DetachFor("Reacquire after Detach");

    /// <summary>As <see cref="Detach()"/>; <paramref name="reacquireOperation"/> names the reacquire in a refusal's message.</summary>
    internal DetachScope DetachFor(string reacquireOperation)
    {
        ThreadState state = CurrentHolderState("Detach");
        ThrowIfTraversing(null, "Detach");
        lock (_threadsGate)
        {
            state.DetachDepth++;
        }

        _lock.Release(state.ThreadId);
        return new DetachScope(this, state, reacquireOperation);
    }

    /// <summary>
    /// Lets threads waiting for the runtime lock run, then takes it back: call it regularly from long-running code
    /// that holds the lock (CPython switches threads every few milliseconds; Reclaim leaves the points to you).
    /// Costs almost nothing when nobody waits. Taking the lock back is a safe point.
    /// </summary>
    /// <exception cref="WrongThreadException">The calling thread does not hold the runtime lock.</exception>
    /// <exception cref="RuntimeShutDownException">Shutdown began while the thread was waiting (see <see cref="DaemonThreadOutcome"/>).</exception>
    public void Yield()
    {
        ThreadState state = CurrentHolderState("Yield");
        ThrowIfTraversing(null, "Yield");
        if (!_lock.HasWaiters)
        {
            return;
        }

        _lock.Release(state.ThreadId);
        EnterLock(state, "Yield", mayPark: true);
        ApplySafePointWorkIfAllowed();
    }

    /// <summary>
    /// Starts a thread that runs <paramref name="body"/> attached to the runtime (holding the lock, as a Python
    /// thread holds the GIL). An exception escaping the body goes to <see cref="UnraisableHook"/> with
    /// <see cref="UnraisablePhase.Thread"/> when the thread still holds the lock, and is kept in
    /// <see cref="RuntimeThread.Exception"/> in any case.
    /// </summary>
    /// <param name="body">The thread's work.</param>
    /// <param name="name">A name for diagnostics; defaults to "reclaim-thread-N".</param>
    /// <param name="daemon">
    /// Daemon threads are not waited for at shutdown (and are .NET background threads, so they never keep the
    /// process alive); shutdown waits for every non-daemon thread to finish.
    /// </param>
    /// <returns>The thread's handle, already started.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="RuntimeShutDownException">Shutdown has begun (at-exit callbacks cannot start threads either).</exception>
    public RuntimeThread StartThread(Action body, string? name = null, bool daemon = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        var thread = new RuntimeThread(this, body, name ?? $"reclaim-thread-{Interlocked.Increment(ref _threadNameCounter)}", daemon);
        lock (_threadsGate)
        {
            if (_shuttingDown)
            {
                // Non-daemon threads are joined first thing in shutdown; one started later could never be waited for.
                throw ThrowHelper.RuntimeShutDown("StartThread during shutdown");
            }

            _runtimeThreads.Add(thread);
        }

        thread.Start();
        return thread;
    }

    /// <summary>Attaches the calling thread; <paramref name="runtimeThread"/> is set for threads the runtime started.</summary>
    /// <param name="runtimeThread">The runtime's handle of the thread, or null for a foreign thread.</param>
    /// <param name="mayPark">False where a refusal must reach the caller whatever the options say (a second shutdown).</param>
    internal ThreadAttachment AttachThread(RuntimeThread? runtimeThread, bool mayPark)
    {
        int threadId = Environment.CurrentManagedThreadId;
        if (_lockOwnerThreadId == threadId)
        {
            ThrowIfTraversing(null, "Attach");
        }

        ThreadState state;
        lock (_threadsGate)
        {
            if (!_threadStates.TryGetValue(threadId, out state!))
            {
                bool daemon = runtimeThread?.IsDaemon ?? true;
                state = new ThreadState(threadId, runtimeThread?.Name ?? $"thread-{threadId}", daemon, runtimeThread);
                _threadStates.Add(threadId, state);
            }
        }

        bool takeLock = _lockOwnerThreadId != threadId;
        if (takeLock)
        {
            try
            {
                EnterLock(state, "Attach", mayPark);
            }
            catch
            {
                ForgetIfUnused(state);
                throw;
            }
        }
        else if (State == RuntimeState.ShutDown)
        {
            throw ThrowHelper.RuntimeShutDown("Attach");
        }

        state.AttachDepth++;
        if (takeLock)
        {
            ApplySafePointWorkIfAllowed();
        }

        return new ThreadAttachment(this, state, takeLock);
    }

    /// <summary>Undoes one <see cref="Attach"/>; called by <see cref="ThreadAttachment.Dispose"/> on the owning thread.</summary>
    internal void EndAttachment(ThreadState state, bool tookLock)
    {
        if (tookLock && _lockOwnerThreadId != state.ThreadId)
        {
            throw new WrongThreadException(
                $"An attachment of thread {state.ThreadId} was disposed while the thread is detached; dispose the DetachScope first.");
        }

        state.AttachDepth--;
        if (tookLock)
        {
            _lock.Release(state.ThreadId);
        }

        ForgetIfUnused(state);
    }

    /// <summary>Takes the lock back at the end of a <see cref="DetachScope"/>.</summary>
    internal void Reattach(ThreadState state, string operation)
    {
        EnterLock(state, operation, mayPark: true);
        lock (_threadsGate)
        {
            state.DetachDepth--;
        }

        ApplySafePointWorkIfAllowed();
    }

    /// <summary>
    /// Waits for the lock. A refusal (shutdown has begun) ends here in the configured outcome: a daemon thread that
    /// cannot keep the process alive (a .NET background thread) parks for ever; every other thread — the main thread,
    /// non-daemon runtime threads, foreground threads, a second shutdown — gets <see cref="RuntimeShutDownException"/>,
    /// since parking it would keep the process from ever exiting. Either way it touches nothing of the runtime's heap.
    /// </summary>
    private void EnterLock(ThreadState state, string operation, bool mayPark)
    {
        if (state.IsValid && _lock.Acquire(state.ThreadId))
        {
            return;
        }

        state.IsValid = false;
        Interlocked.Increment(ref _refusedThreads);
        if (mayPark && Options.DaemonThreads == DaemonThreadOutcome.Park && state.IsDaemon && Thread.CurrentThread.IsBackground)
        {
            Interlocked.Increment(ref _parkedThreads);
            _parkedThreadsRelease.Wait();
            Interlocked.Decrement(ref _parkedThreads);
            throw ThrowHelper.RuntimeShutDown($"{operation} by parked thread {state.ThreadId} (released by a test hook)");
        }

        throw ThrowHelper.RuntimeShutDown($"{operation} by thread {state.ThreadId} after shutdown began");
    }

    /// <summary>
    /// Releases every thread parked by <see cref="DaemonThreadOutcome.Park"/> with a <see cref="RuntimeShutDownException"/>.
    /// Only for tests, which cannot afford thousands of threads parked for ever; production code has no way out of a park.
    /// </summary>
    internal void ReleaseParkedThreadsForTesting() => _parkedThreadsRelease.Set();

    internal int ParkedThreadCount => Volatile.Read(ref _parkedThreads);

    internal int RefusedThreadCount => Volatile.Read(ref _refusedThreads);

    private ThreadState CurrentHolderState(string operation)
    {
        int threadId = Environment.CurrentManagedThreadId;
        if (_lockOwnerThreadId != threadId)
        {
            throw new WrongThreadException($"{operation} from thread {threadId}, which does not hold the runtime lock.");
        }

        lock (_threadsGate)
        {
            return _threadStates[threadId];
        }
    }

    private void ForgetIfUnused(ThreadState state)
    {
        if (state.AttachDepth != 0 || state.DetachDepth != 0)
        {
            return;
        }

        lock (_threadsGate)
        {
            _threadStates.Remove(state.ThreadId);
        }
    }

    /// <summary>Drops the thread state of a thread that exited holding the lock (the lock has been taken from it).</summary>
    internal void ForgetDeadThread(int threadId)
    {
        lock (_threadsGate)
        {
            _threadStates.Remove(threadId);
        }
    }

    internal void OnRuntimeThreadFinished(RuntimeThread thread)
    {
        lock (_threadsGate)
        {
            _runtimeThreads.Remove(thread);
        }
    }

    /// <summary>Throws <see cref="LockNotHeldException"/> unless the calling thread holds the lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ThrowIfLockNotHeld(string operation)
    {
        int threadId = Environment.CurrentManagedThreadId;
        if (_lockOwnerThreadId != threadId)
        {
            ThrowLockNotHeld(operation, threadId);
        }
    }

    /// <summary>As <see cref="ThrowIfLockNotHeld(string)"/>, naming the object's type in the message.</summary>
    internal void ThrowIfLockNotHeld(Type objectType, string operation)
    {
        int threadId = Environment.CurrentManagedThreadId;
        if (_lockOwnerThreadId != threadId)
        {
            ThrowLockNotHeld($"{operation} on a '{objectType.Name}'", threadId);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowLockNotHeld(string operation, int threadId)
    {
        ThrowIfShutDown(operation);
        throw new LockNotHeldException(operation, threadId, _lockOwnerThreadId);
    }

    /// <summary>Attaches the creating thread as the main thread (non-daemon), holding the lock, as after <c>Py_Initialize</c>.</summary>
    private void AttachCreatingThread()
    {
        int threadId = Environment.CurrentManagedThreadId;
        var state = new ThreadState(threadId, "main", isDaemon: false, runtimeThread: null) { AttachDepth = 1 };
        _threadStates.Add(threadId, state);
        _lock.Acquire(threadId);
    }
}
