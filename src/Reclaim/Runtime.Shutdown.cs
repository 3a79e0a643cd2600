namespace Reclaim;

/// <summary>Ending a runtime: the shutdown sequence (DESIGN §5), run once.</summary>
public sealed partial class Runtime
{
    private ShutdownReport? _shutdownReport;
    private volatile bool _shuttingDown;
    private int _shutdownThreadId;

    /// <summary>
    /// Shuts the runtime down; calling it again returns the first report. In order:
    /// <list type="number">
    /// <item>wait for non-daemon threads started by <see cref="StartThread"/> (the lock is given up meanwhile);</item>
    /// <item>run the <see cref="AtExit"/> callbacks (newest first), then the <see cref="ObjectFinalizer"/>s marked at-exit;</item>
    /// <item>apply releases queued by other threads;</item>
    /// <item>enter <see cref="RuntimeState.ShuttingDown"/>: the lock is closed, so a daemon or foreign thread that attaches or
    /// reacquires from now on — including one already waiting — meets <see cref="RuntimeOptions.DaemonThreads"/>;</item>
    /// <item>up to <see cref="ShutdownOptions.MaxFinalCollections"/> full collections, until one frees nothing;</item>
    /// <item>release the registered roots (<see cref="AddRoot"/>), newest first;</item>
    /// <item>one last full collection; report what is still alive; enter <see cref="RuntimeState.ShutDown"/>.</item>
    /// </list>
    /// Afterwards every operation on the runtime or its objects throws <see cref="RuntimeShutDownException"/>, and
    /// releases still queued by other threads are counted and dropped, never applied.
    /// </summary>
    /// <param name="options">How to shut down; <see langword="null"/> for <see cref="ShutdownOptions.Default"/>.</param>
    /// <returns>What shutdown did and what it left alive.</returns>
    /// <exception cref="ReentrantShutdownException">Called from user code that the runtime is running while freeing or collecting objects, or from user code shutdown itself runs.</exception>
    /// <exception cref="RuntimeShutDownException">The calling thread was refused because another thread's shutdown had already begun.</exception>
    public ShutdownReport Shutdown(ShutdownOptions? options = null) => ShutdownCore(options, nameof(Shutdown));

    /// <summary>Shuts the runtime down (see <see cref="Shutdown(ShutdownOptions?)"/>); calling it again does nothing.</summary>
    /// <exception cref="ReentrantShutdownException">Called from user code that the runtime is running while freeing or collecting objects.</exception>
    public void Dispose() => ShutdownCore(null, nameof(Dispose));

    private ShutdownReport ShutdownCore(ShutdownOptions? options, string operation)
    {
        if (_shutdownReport is { } done)
        {
            return done;
        }

        if (IsLockHeld)
        {
            ThrowIfReentrantShutdown(operation);
        }

        options ??= ShutdownOptions.Default;

        // A thread without the lock waits for it like any other, and is refused — never parked, whatever the options
        // say — if another thread's shutdown began: two concurrent Dispose calls end with the second one throwing.
        using ThreadAttachment attachment = AttachThread(runtimeThread: null, mayPark: false);
        if (_shutdownReport is { } finishedMeanwhile)
        {
            return finishedMeanwhile;
        }

        ThrowIfReentrantShutdown(operation);

        lock (_threadsGate)
        {
            // Under the gate, so that StartThread either registers its thread before this (and is joined) or is refused.
            _shuttingDown = true;
            _shutdownThreadId = Environment.CurrentManagedThreadId;
        }

        long unraisableBefore = UnraisableCount;
        int threadsJoined = JoinNonDaemonThreads();
        int atExitRun = RunAtExitCallbacks();
        RunAtExitFinalizers();
        long appliedBefore = _pendingReleasesApplied;
        ApplyPendingReleases();

        State = RuntimeState.ShuttingDown;
        lock (_threadsGate)
        {
            // From here on no thread but this one can take the lock.
            _lock.Close(Environment.CurrentManagedThreadId);
        }

        int collections = 0;
        long collected = 0;
        bool limitReached = false;
        List<string> rootsReleased = [];
        List<string> skipped = [];
        if (options.FastExit)
        {
            skipped.Add($"final collections ({_collector.TrackedCount} tracked objects left to .NET)");
            if (_roots.Count > 0)
            {
                skipped.Add($"release of {_roots.Count} root(s): {string.Join(", ", _roots.Select(r => r.Name))}");
            }
        }
        else
        {
            (collections, collected, limitReached, bool refused) = RunFinalCollections(options.MaxFinalCollections);
            rootsReleased = ReleaseRootsForShutdown();

            // A refused collection (checked mode found a broken traversal) would be refused again: reported once.
            if (!refused && TryFinalCollection(out int freed))
            {
                collections++;
                collected += freed;
            }
        }

        ApplyPendingReleases();
        var report = new ShutdownReport
        {
            ThreadsJoined = threadsJoined,
            AtExitCallbacksRun = atExitRun,
            PendingReleasesApplied = _pendingReleasesApplied - appliedBefore,
            CollectionsRun = collections,
            ObjectsCollected = collected,
            CollectionLimitReached = limitReached,
            RootsReleased = rootsReleased,
            AliveByType = CountAliveByType(),
            DaemonThreadsRefused = RefusedThreadCount,
            DaemonThreadsOutstanding = CountOutstandingDaemonThreads(),
            FastExit = options.FastExit,
            Skipped = skipped,
            UnraisableDuringShutdown = UnraisableCount - unraisableBefore,
            LateReleasesDiscarded = LateReleaseCount,
        };

        Interlocked.Or(ref _guard, GuardShutDown);
        RevokeFastPath();
        State = RuntimeState.ShutDown;

        // The process-wide slab holds this runtime's weak-reference lists only weakly from now on (the runtime holds
        // them): its objects hold its index, not a reference, so nothing of it need outlive the runtime itself.
        WeakRefs.RetireAll();
        RetirePendingReleases();
        InvalidateThreadStates();
        _shutdownReport = report;
        return report;
    }

    /// <summary>Only the lock holder may call this: traversal and death processing are the holder's state.</summary>
    private void ThrowIfReentrantShutdown(string operation)
    {
        ThrowIfTraversing(null, operation);
        if (_shuttingDown && _shutdownThreadId != Environment.CurrentManagedThreadId)
        {
            // Another thread's shutdown gave the lock up (to join threads) and this one took it: not re-entrant, late.
            throw ThrowHelper.RuntimeShutDown($"{operation} while thread {_shutdownThreadId} is shutting the runtime down");
        }

        if (_shuttingDown || IsProcessingDeaths)
        {
            // The death, collection or shutdown that ran the caller must be able to finish its remaining steps.
            throw new ReentrantShutdownException(operation);
        }
    }

    /// <summary>The report of the completed shutdown, or null while the runtime has not finished shutting down.</summary>
    internal ShutdownReport? LastShutdownReport => _shutdownReport;

    private int JoinNonDaemonThreads()
    {
        int joined = 0;
        while (true)
        {
            RuntimeThread[] waitFor;
            lock (_threadsGate)
            {
                waitFor = [.. _runtimeThreads.Where(t => !t.IsDaemon && t.ManagedThreadId != Environment.CurrentManagedThreadId)];
            }

            if (waitFor.Length == 0)
            {
                return joined;
            }

            using (Detach())
            {
                foreach (RuntimeThread thread in waitFor)
                {
                    thread.Wait(timeout: null);
                    joined++;
                }
            }
        }
    }

    private (int Collections, long Collected, bool LimitReached, bool Refused) RunFinalCollections(int limit)
    {
        int collections = 0;
        long collected = 0;
        while (collections < limit)
        {
            if (!TryFinalCollection(out int freed))
            {
                return (collections, collected, false, true);
            }

            collections++;
            collected += freed;
            if (freed == 0)
            {
                return (collections, collected, false, false);
            }
        }

        return (collections, collected, true, false);
    }

    /// <summary>A full collection that never throws: a refused one (checked mode found a broken traversal) is reported.</summary>
    private bool TryFinalCollection(out int freed)
    {
        try
        {
            freed = _collector.Collect(Collector.GenerationCount - 1, CollectionReason.Shutdown).Collected;
            return true;
        }
        catch (Exception exception)
        {
            // The objects it would have freed are simply left to .NET.
            ReportUnraisable(exception, UnraisablePhase.Collection, null);
            freed = 0;
            return false;
        }
    }

    private Dictionary<string, int> CountAliveByType()
    {
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (RcObject obj in Gc.GetObjects())
        {
            string name = obj.GetType().Name;
            byType[name] = byType.TryGetValue(name, out int count) ? count + 1 : 1;
        }

        return new Dictionary<string, int>(byType);
    }

    private int CountOutstandingDaemonThreads()
    {
        int self = Environment.CurrentManagedThreadId;
        lock (_threadsGate)
        {
            return _threadStates.Values.Count(s => s.ThreadId != self && s.IsValid);
        }
    }

    /// <summary>Every thread state but none is usable from now on: handles that outlive the runtime find them invalid.</summary>
    private void InvalidateThreadStates()
    {
        lock (_threadsGate)
        {
            foreach (ThreadState state in _threadStates.Values)
            {
                state.IsValid = false;
            }

            _threadStates.Clear();
        }
    }
}
