namespace Reclaim;

/// <summary>Dictionary watchers (<c>PyDict_AddWatcher</c>): the runtime-wide registry and event delivery.</summary>
public sealed partial class Runtime
{
    private readonly DictWatcherRegistry _dictWatchers = new();

    /// <summary>How many watcher callbacks are running right now (nested when a callback's own work triggers events).</summary>
    private int _dictWatcherDepth;

    /// <summary>How deeply watcher deliveries may nest; far below what would overflow the stack.</summary>
    internal const int MaxDictWatcherDepth = 100;

    /// <summary>Whether a dictionary watcher callback is running: watched dictionaries refuse mutation then, in checked mode.</summary>
    internal bool IsInDictWatcher => _dictWatcherDepth != 0;

    /// <summary>
    /// Registers a dictionary watcher (<c>PyDict_AddWatcher</c>) in the lowest free of the runtime's
    /// <see cref="MaxDictWatchers"/> slots. A dictionary calls it once watched with <see cref="RcDict.Watch"/>.
    /// </summary>
    /// <param name="callback">Called before each change to a dictionary it watches.</param>
    /// <returns>The watcher id, from 0 to <see cref="MaxDictWatchers"/> − 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="DictWatcherLimitException">All slots are taken.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime has been shut down.</exception>
    public int AddDictWatcher(DictWatcherCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ThrowIfShutDown("AddDictWatcher");
        return _dictWatchers.Add(callback);
    }

    /// <summary>As <see cref="AddDictWatcher"/>, for a watcher whose owner must hear when its watch is taken away.</summary>
    internal int AddOwnedDictWatcher(DictWatcherCallback callback, IDictWatcherOwner owner)
    {
        ThrowIfShutDown("AddDictWatcher");
        return _dictWatchers.Add(callback, owner);
    }

    /// <summary>Tells the owner of <paramref name="watcherId"/>, if any, that <paramref name="dictionary"/> is no longer watched.</summary>
    internal void OnDictUnwatched(int watcherId, RcDict dictionary) => _dictWatchers.OwnerOf(watcherId)?.OnUnwatched(dictionary);

    /// <summary>
    /// Unregisters a dictionary watcher (<c>PyDict_ClearWatcher</c>). Dictionaries it watched stop calling it at once,
    /// and never call a watcher that later takes the same id. Clearing the watcher of a <see cref="GlobalCache"/>
    /// invalidates every cell of that cache: without its watcher it can no longer keep them right.
    /// </summary>
    /// <param name="watcherId">An id returned by <see cref="AddDictWatcher"/>.</param>
    /// <exception cref="UnknownDictWatcherException">No watcher has that id (never registered, or already cleared).</exception>
    /// <exception cref="RuntimeShutDownException">The runtime has been shut down.</exception>
    public void ClearDictWatcher(int watcherId)
    {
        ThrowIfShutDown("ClearDictWatcher");
        _dictWatchers.Remove(watcherId, "ClearDictWatcher")?.OnWatcherCleared();
    }

    /// <summary>The most dictionary watchers a runtime can have registered at once (8, as CPython).</summary>
    public static int MaxDictWatchers => DictWatcherRegistry.Capacity;

    /// <summary>Throws unless <paramref name="watcherId"/> is registered; returns the generation a dictionary records for it.</summary>
    internal int ValidateDictWatcher(int watcherId, string operation) => _dictWatchers.Validate(watcherId, operation);

    /// <summary>Whether any watcher recorded in <paramref name="watch"/> is still registered.</summary>
    internal bool HasLiveDictWatcher(DictWatchState watch)
    {
        for (int id = 0; id < DictWatcherRegistry.Capacity; id++)
        {
            if (watch.IsWatchedBy(id) && _dictWatchers.Find(id, watch.GenerationOf(id)) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Calls every watcher of <paramref name="dictionary"/>, in id order. Nothing is delivered unless the runtime is
    /// running: during shutdown the watched dictionaries are torn down in whatever order roots are dropped, and no
    /// watcher may act on that (seed 000, push 59).
    /// </summary>
    internal void DeliverDictEvent(DictWatchState watch, DictWatcherEvent kind, RcDict dictionary, RcDictKey key, RcObject? newValue)
    {
        if (State != RuntimeState.Running)
        {
            return;
        }

        if (_dictWatcherDepth >= MaxDictWatcherDepth && kind != DictWatcherEvent.Deallocated)
        {
            // A watcher whose work changes a watched dictionary again, without end: refuse this change (the event
            // comes before it) rather than overflow the stack. A death cannot be refused; it is always delivered. The exception unwinds into the watcher that made the
            // change, and from there to the unraisable hook, as CPython's RecursionError would.
            throw new DictWatcherRecursionException(MaxDictWatcherDepth, kind);
        }

        _dictWatcherDepth++;
        try
        {
            for (int id = 0; id < DictWatcherRegistry.Capacity; id++)
            {
                // Read the mask afresh each time: a callback may unwatch the dictionary for later ids.
                if (!watch.IsWatchedBy(id) || _dictWatchers.Find(id, watch.GenerationOf(id)) is not { } callback)
                {
                    continue;
                }

                try
                {
                    callback(kind, dictionary, key, newValue);
                }
                catch (Exception exception)
                {
                    ReportUnraisable(exception, UnraisablePhase.Watcher, dictionary);
                }
            }
        }
        finally
        {
            _dictWatcherDepth--;
        }
    }
}
