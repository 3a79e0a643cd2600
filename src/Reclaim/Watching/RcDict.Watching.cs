namespace Reclaim;

/// <summary>Watching a dictionary (<c>PyDict_Watch</c>/<c>PyDict_Unwatch</c>) and telling its watchers.</summary>
public sealed partial class RcDict
{
    /// <summary>Whether at least one registered watcher watches this dictionary.</summary>
    public bool IsWatched => WatchState is { } watch && Runtime.HasLiveDictWatcher(watch);

    /// <summary>
    /// Starts calling watcher <paramref name="watcherId"/> before every change to this dictionary, and once when it goes
    /// away (<see cref="DictWatcherEvent.Deallocated"/>). Watching twice with the same id changes nothing.
    /// </summary>
    /// <param name="watcherId">An id returned by <see cref="Runtime.AddDictWatcher"/>.</param>
    /// <exception cref="UnknownDictWatcherException">No watcher has that id.</exception>
    /// <exception cref="ObjectFreedException">The dictionary was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Watch(int watcherId)
    {
        const string operation = "RcDict.Watch";
        Runtime runtime = ThrowIfWatchable(operation);
        runtime.ValidateDictWatcher(watcherId, operation);
        if (WatchState is null)
        {
            // The weak reference's callback refers to the dictionary through the delegate: a plain .NET reference,
            // uncounted, so the notification never keeps the dictionary alive.
            WeakRef death = runtime.WeakRef(this, OnDeathObserved).Take();

            // Creating it allocated, which may have run a collection whose user code watched this dictionary already.
            if (WatchState is null)
            {
                WatchState = new DictWatchState(death);
            }
            else
            {
                death.Release();
            }
        }

        // Validated again: that same user code may have cleared the watcher.
        WatchState.Add(watcherId, runtime.ValidateDictWatcher(watcherId, operation));
    }

    /// <summary>Stops calling watcher <paramref name="watcherId"/> for this dictionary; does nothing if it was not watching.</summary>
    /// <param name="watcherId">An id returned by <see cref="Runtime.AddDictWatcher"/>.</param>
    /// <exception cref="UnknownDictWatcherException">No watcher has that id.</exception>
    /// <exception cref="ObjectFreedException">The dictionary was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Unwatch(int watcherId)
    {
        const string operation = "RcDict.Unwatch";
        Runtime runtime = ThrowIfWatchable(operation);
        runtime.ValidateDictWatcher(watcherId, operation);
        if (WatchState is not { } watch || !watch.IsWatchedBy(watcherId))
        {
            return;
        }

        watch.Remove(watcherId);
        if (watch.Mask == 0)
        {
            ReleaseWatchState();
        }

        runtime.OnDictUnwatched(watcherId, this);
    }

    /// <summary>Tells the watchers what is about to happen; the caller checked that the dictionary is watched.</summary>
    private void Notify(DictWatcherEvent kind, RcDictKey key, RcObject? newValue) =>
        OwnerRuntime!.DeliverDictEvent(WatchState!, kind, this, key, newValue);

    /// <summary>
    /// The callback of the death notification's weak reference: the dictionary died or is cyclic garbage, and every weak
    /// reference to it was just cleared. Nothing it holds has been dropped yet, in either case, so watchers see it whole.
    /// </summary>
    private void OnDeathObserved(WeakRef reference)
    {
        DictWatchState? watch = WatchState;
        if (watch is null || !ReferenceEquals(watch.DeathReference, reference))
        {
            return;
        }

        // Unwatched before anyone hears of it: a dictionary that a finalizer later resurrects, or that SaveAll keeps,
        // lives on unwatched, and its watchers have let go of it.
        WatchState = null;
        watch.DeathReference = null;
        try
        {
            OwnerRuntime!.DeliverDictEvent(watch, DictWatcherEvent.Deallocated, this, default, null);
        }
        finally
        {
            // The runtime holds its own reference to the weak reference while the callback runs.
            reference.Release();
        }
    }

    /// <summary>Watching needs a live dictionary that is not dying: a freed one has nothing left to watch.</summary>
    private Runtime ThrowIfWatchable(string operation)
    {
        Runtime runtime = ThrowIfUnreadable(operation);
        if (_refCount <= 0)
        {
            throw ThrowHelper.Freed(this, operation);
        }

        return runtime;
    }
}
