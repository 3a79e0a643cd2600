using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reclaim;

// The storage and runtime hooks of RcDict: the map, its traversal, and dropping every reference when the dictionary
// dies or the collector clears it. The public operations, and the watcher events they send, are in RcDict.cs.
public sealed partial class RcDict
{
    private static long s_nextIdentity;

    /// <summary>The entries: the dictionary owns one count on every value and on every key that is a runtime object.</summary>
    private Dictionary<RcDictKey, RcObject> Entries { get; } = [];

    /// <summary>Bumped whenever a key is added or removed: running enumerations check it.</summary>
    private int Version { get; set; }

    /// <summary>
    /// A number no other dictionary in the process ever has: caches key their entries on it, so they never need a
    /// reference to the dictionary (live or dead) to find them.
    /// </summary>
    internal long Identity { get; } = Interlocked.Increment(ref s_nextIdentity);

    /// <summary>The watchers of this dictionary; <see langword="null"/> while unwatched.</summary>
    internal DictWatchState? WatchState { get; private set; }

    /// <summary>Reports every key that is a runtime object and every value.</summary>
    /// <param name="visitor">The collector's visitor.</param>
    protected internal override void TraverseReferences(ref Visitor visitor)
    {
        foreach (KeyValuePair<RcDictKey, RcObject> pair in Entries)
        {
            visitor.Visit(pair.Key.AsObject);
            visitor.Visit(pair.Value);
        }
    }

    /// <summary>
    /// Drops every entry and stops being watched (runtime hook, run when the dictionary dies or the collector clears it).
    /// No watcher event is sent: the watchers already had <see cref="DictWatcherEvent.Deallocated"/> when the
    /// dictionary's weak references were cleared, which always happens first.
    /// </summary>
    protected internal override void ClearReferences()
    {
        ReleaseWatchState();
        ReleaseAllEntries();
    }

    /// <summary>Stops watching altogether: drops the watcher bits and the count on the death notification's weak reference.</summary>
    private void ReleaseWatchState()
    {
        DictWatchState? watch = WatchState;
        if (watch is null)
        {
            return;
        }

        WatchState = null;
        WeakRef? death = watch.DeathReference;
        watch.DeathReference = null;
        death?.Release();
    }

    /// <summary>Empties the map, then releases what it held.</summary>
    private void ReleaseAllEntries()
    {
        if (Entries.Count == 0)
        {
            return;
        }

        // Unlink everything first: a release can run user code (a value's finalizer), which must find the
        // dictionary consistent and empty rather than half-cleared.
        KeyValuePair<RcDictKey, RcObject>[] entries = [.. Entries];
        Entries.Clear();
        Version++;
        foreach (KeyValuePair<RcDictKey, RcObject> pair in entries)
        {
            pair.Value.Release();
            pair.Key.AsObject?.Release();
        }
    }

    /// <summary>Adds every entry of <paramref name="source"/> to this (empty) map, counting keys and values. Runs no user code.</summary>
    /// <param name="source">The dictionary to copy from.</param>
    private void CopyEntriesFrom(RcDict source)
    {
        Entries.EnsureCapacity(source.Entries.Count);
        foreach (KeyValuePair<RcDictKey, RcObject> pair in source.Entries)
        {
            pair.Key.AsObject?.AddRef();
            pair.Value.AddRef();
            Entries.Add(pair.Key, pair.Value);
        }

        Version++;
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> (both validated by the caller): counts the new value
    /// (and a new key), writes the slot, and only then releases the value it replaces, whose death may run user code.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    private void Store(RcDictKey key, RcObject value)
    {
        ref RcObject slot = ref CollectionsMarshal.GetValueRefOrNullRef(Entries, key);
        if (Unsafe.IsNullRef(ref slot))
        {
            value.AddRef();
            key.AsObject?.AddRef();
            Entries.Add(key, value);
            Version++;
            return;
        }

        RcObject old = slot;
        if (ReferenceEquals(old, value))
        {
            return;
        }

        old.EnsureReleasable();
        value.AddRef();
        slot = value;
        old.Release();
    }

    /// <summary>Removes the entry for <paramref name="key"/>, then releases its value and its key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether an entry was removed.</returns>
    private bool Delete(RcDictKey key)
    {
        if (!Entries.Remove(key, out RcObject? old))
        {
            return false;
        }

        Version++;
        try
        {
            old.Release();
        }
        finally
        {
            // Keys compare by identity, so the caller's key object is the one the map counted.
            key.AsObject?.Release();
        }

        return true;
    }
}
