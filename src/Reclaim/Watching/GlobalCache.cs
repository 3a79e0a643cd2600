namespace Reclaim;

/// <summary>
/// The global-variable cache a JIT keeps, built so that seed 000 (CinderX W27) cannot happen: for a (globals, builtins,
/// name) triple it hands out a <see cref="GlobalCacheCell"/> whose value is always what a direct look-up — globals, then
/// builtins — would give.
/// </summary>
/// <remarks>
/// <para>
/// The cache registers one dictionary watcher and watches every dictionary it has cells for. It refers to those
/// dictionaries only through weak handles, validated before every use, and keys its entries on a dictionary's
/// identity number, so it never needs a reference to a dictionary that may be gone. A change reported by a watcher
/// refreshes the cells for that name at once (reading the companion dictionary only after checking its handle). A
/// <see cref="DictWatcherEvent.Deallocated"/> event changes nothing inside the callback: it queues the removal of that
/// dictionary's entries with <see cref="Runtime.Defer"/>, and the removal runs at the next safe point, where it touches
/// only the cache and, through validated handles, the companions it stops watching. Meanwhile the cells of the dead
/// dictionary already refuse to be read, because its weak handle is dead.
/// </para>
/// <para>
/// While the runtime shuts down, watchers are suppressed; cells then read through to the dictionaries, and
/// <see cref="Dispose"/> touches no dictionary at all, so shutdown may free globals and builtins in any order.
/// </para>
/// </remarks>
public sealed partial class GlobalCache : IDisposable, IDictWatcherOwner
{
    private readonly Dictionary<long, CachedDictionary> _dictionaries = [];
    private int _liveCells;
    private long _hits;
    private long _refreshes;
    private long _invalidations;
    private bool _disposed;

    /// <summary>Creates a cache for <paramref name="runtime"/>, registering one of its dictionary watchers.</summary>
    /// <param name="runtime">The runtime whose dictionaries the cache will watch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="runtime"/> is <see langword="null"/>.</exception>
    /// <exception cref="DictWatcherLimitException">All the runtime's watcher slots are taken.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public GlobalCache(Runtime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        Runtime = runtime;
        WatcherId = runtime.AddOwnedDictWatcher(OnDictionaryEvent, this);
    }

    /// <summary>The runtime whose dictionaries the cache watches.</summary>
    public Runtime Runtime { get; }

    /// <summary>The id of the cache's dictionary watcher.</summary>
    public int WatcherId { get; }

    /// <summary>Counts of what the cache has done so far.</summary>
    public GlobalCacheStats Stats => new(_hits, _refreshes, _invalidations, _liveCells);

    /// <summary>
    /// The cell for <paramref name="name"/> looked up in <paramref name="globals"/>, then in <paramref name="builtins"/>;
    /// the same cell for the same triple while it stays valid. Starts watching both dictionaries.
    /// </summary>
    /// <param name="globals">The module's globals.</param>
    /// <param name="builtins">The builtins; may be the same dictionary as <paramref name="globals"/>.</param>
    /// <param name="name">The global name.</param>
    /// <returns>The cell, filled with the current value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The cache was disposed.</exception>
    /// <exception cref="WrongRuntimeException">A dictionary belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">A dictionary was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">A dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public GlobalCacheCell GetCell(RcDict globals, RcDict builtins, string name)
    {
        const string operation = "GlobalCache.GetCell";
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(builtins);
        ArgumentNullException.ThrowIfNull(name);
        Runtime.ThrowIfShutDown(operation);
        RcDict.ValidateObject(Runtime, globals, operation);
        RcDict.ValidateObject(Runtime, builtins, operation);

        if (FindValidCell(globals, builtins, name) is { } existing)
        {
            return existing;
        }

        CachedDictionary cachedGlobals;
        CachedDictionary cachedBuiltins;
        do
        {
            cachedGlobals = Track(globals);
            cachedBuiltins = Track(builtins);

            // Tracking allocates, and a collection started there runs deferred work and user code: that may have
            // asked for this very cell, or removed a dead companion's cells and with them let go of a record just
            // returned. Then look again.
            ObjectDisposedException.ThrowIf(_disposed, this);
            existing = FindValidCell(globals, builtins, name);
            if (existing is not null)
            {
                return existing;
            }
        }
        while (!IsCurrent(cachedGlobals) || !IsCurrent(cachedBuiltins));

        GlobalCacheCell cell = new(this, cachedGlobals, cachedBuiltins, name);
        cachedGlobals.Link(cell, CellRole.Globals);
        cachedBuiltins.Link(cell, CellRole.Builtins);
        cell.SetValue(LookUp(globals, builtins, name));
        _refreshes++;
        _liveCells++;
        return cell;
    }

    /// <summary>
    /// Unregisters the cache's watcher and lets go of every dictionary; every cell becomes invalid. While the runtime
    /// runs, the dictionaries still alive are unwatched. During and after shutdown it touches no dictionary and needs
    /// none to be alive. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CachedDictionary[] dictionaries = [.. _dictionaries.Values];
        _dictionaries.Clear();
        _liveCells = 0;
        foreach (CachedDictionary dictionary in dictionaries)
        {
            // Every cell is in exactly one dictionary's globals chains.
            foreach (GlobalCacheCell head in dictionary.Heads(CellRole.Globals))
            {
                for (GlobalCacheCell? cell = head; cell is not null; cell = cell.Next(CellRole.Globals))
                {
                    cell.Invalidate("its GlobalCache was disposed");
                }
            }
        }
        if (Runtime.IsShutDown)
        {
            // Nothing can be released any more; the handles are left to .NET with the rest of the runtime.
            return;
        }

        foreach (CachedDictionary dictionary in dictionaries)
        {
            ForgetDictionary(dictionary);
        }

        if (!_watcherLost)
        {
            _clearingOwnWatcher = true;
            Runtime.ClearDictWatcher(WatcherId);
        }
    }

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The watcher id and statistics.</returns>
    public override string ToString() => $"<GlobalCache watcher={WatcherId} {Stats}{(_disposed ? " disposed" : "")}>";

    /// <summary>The direct look-up a cell stands for: globals, then builtins.</summary>
    internal static RcObject? LookUp(RcDict globals, RcDict builtins, string name) =>
        globals.TryGetValue(name, out RcObject? value) || builtins.TryGetValue(name, out value) ? value : null;

    internal void CountHit() => _hits++;

    /// <summary>The cache's record of a live dictionary, created (weak handle, watch) on first use.</summary>
    private CachedDictionary Track(RcDict dictionary)
    {
        long identity = dictionary.Identity;
        if (_dictionaries.TryGetValue(identity, out CachedDictionary? known))
        {
            if (known.Target is not null)
            {
                return known;
            }

            // The handle died but the dictionary is alive again (a finalizer resurrected it) and its deferred
            // removal has not run yet: run it now, then start afresh.
            RemoveDictionary(known);
        }

        WeakRef handle = Runtime.WeakRef(dictionary).Take();

        // Creating the handle allocated, which may have run a collection whose user code asked for a cell too.
        if (_dictionaries.TryGetValue(identity, out known) && known.Target is not null)
        {
            handle.Release();
            return known;
        }

        dictionary.Watch(WatcherId);
        CachedDictionary tracked = new(identity, handle);
        _dictionaries[identity] = tracked;
        return tracked;
    }

    /// <summary>Stops watching a dictionary the cache no longer needs (if it is still there to unwatch) and releases its handle.</summary>
    private void ForgetDictionary(CachedDictionary dictionary)
    {
        if (!_watcherLost && Runtime.State == RuntimeState.Running && dictionary.Target is { IsAlive: true, RefCount: > 0 } live)
        {
            _unwatchingItself++;
            try
            {
                live.Unwatch(WatcherId);
            }
            finally
            {
                _unwatchingItself--;
            }
        }

        dictionary.Handle.Release();
    }

    private bool IsCurrent(CachedDictionary dictionary) =>
        _dictionaries.TryGetValue(dictionary.Identity, out CachedDictionary? current) && ReferenceEquals(current, dictionary);

    /// <summary>
    /// The valid cell for a triple, found through the globals' chain for the name: cells live only in their two
    /// dictionaries' chains, so dropping a dictionary touches nothing but its own cells and their neighbours.
    /// </summary>
    private GlobalCacheCell? FindValidCell(RcDict globals, RcDict builtins, string name)
    {
        if (!_dictionaries.TryGetValue(globals.Identity, out CachedDictionary? cachedGlobals))
        {
            return null;
        }

        for (GlobalCacheCell? cell = cachedGlobals.First(CellRole.Globals, name); cell is not null; cell = cell.Next(CellRole.Globals))
        {
            if (cell.Builtins.Identity == builtins.Identity && cell.IsValid)
            {
                return cell;
            }
        }

        return null;
    }
}
