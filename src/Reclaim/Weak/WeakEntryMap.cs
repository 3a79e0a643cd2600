using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Reclaim;

/// <summary>
/// The map both weak dictionaries (<see cref="WeakValueDictionary{TKey, TValue}"/>,
/// <see cref="WeakKeyDictionary{TKey, TValue}"/>) keep their entries in: look-ups, removal, clearing, enumeration,
/// exact counting, and the work of the runtime hooks over the entries. What differs (which side is held weakly, what
/// is validated, how entries are created) stays in each dictionary, which validates before it calls in here.
/// </summary>
/// <remarks>
/// The entries reach the map, not the dictionary, through a plain .NET reference (<see cref="IWeakEntryOwner"/>): no
/// counted path leads from a weak reference back to its dictionary (bpo-38006).
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WeakEntryMap<TKey, TValue> : IWeakEntryOwner
    where TKey : notnull
{
    private readonly Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>> _entries;

    // Set once the collector cleared one of the entries' weak references without its callback: that happens only
    // when the dictionary is cyclic garbage with its entries. If a finalizer then resurrects the dictionary, those
    // entries stay dead without ever being reported, so from then on counting must look at every entry.
    private bool _mayHoldUnreportedDeadEntries;

    /// <summary>Creates an empty map.</summary>
    /// <param name="dictionary">The weak dictionary that owns the map.</param>
    /// <param name="comparer">The key comparer, or <see langword="null"/> for the default one.</param>
    public WeakEntryMap(RcObject dictionary, IEqualityComparer<TKey>? comparer)
    {
        Dictionary = dictionary;
        _entries = new Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>>(comparer);
    }

    /// <summary>The weak dictionary that owns the map.</summary>
    public RcObject Dictionary { get; }

    /// <summary>The map, live entries and dead ones not yet removed.</summary>
    public Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>> Entries => _entries;

    /// <summary>Bumped by every change that invalidates enumerators: adding or replacing an entry, clearing.</summary>
    public int Version { get; set; }

    /// <summary>
    /// The number of live entries, after validating the dictionary: O(1), except while deaths are being processed or
    /// after a resurrection from cyclic garbage, when it checks every entry.
    /// </summary>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns>The count.</returns>
    public int CountLive(string operation)
    {
        Runtime runtime = WeakDictionaryChecks.ThrowIfUnusable(Dictionary, operation);
        return _mayHoldUnreportedDeadEntries || runtime.IsProcessingDeaths ? CountLiveEntries() : _entries.Count;
    }

    /// <inheritdoc/>
    public void OnEntryClearedWithoutCallback() => _mayHoldUnreportedDeadEntries = true;

    /// <summary>Looks up the value of the live entry for <paramref name="key"/>, already validated.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, borrowed, when found.</param>
    /// <returns>Whether a live entry exists.</returns>
    public bool TryGetLiveValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? entry) && entry.TryGetLiveValue(out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether a live entry exists for <paramref name="key"/>, already validated.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key maps to an entry whose weakly held side is alive.</returns>
    public bool ContainsLiveKey(TKey key)
    {
        return _entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? entry) && entry.IsLive;
    }

    /// <summary>Removes and releases the entry for <paramref name="key"/>, already validated; does not invalidate enumerations.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether a live entry was removed.</returns>
    public bool RemoveEntry(TKey key)
    {
        if (!_entries.Remove(key, out WeakDictionaryEntry<TKey, TValue>? entry))
        {
            return false;
        }

        bool live = entry.IsLive;
        entry.Linked = false;
        ReleaseEntry(entry);
        return live;
    }

    /// <summary>Removes and releases every entry, after validating the dictionary; invalidates enumerations.</summary>
    /// <param name="operation">The operation, for the message.</param>
    public void ClearEntries(string operation)
    {
        WeakDictionaryChecks.ThrowIfUnusable(Dictionary, operation);
        ReleaseAllEntries();
    }

    /// <summary>Starts enumerating the live entries, after validating the dictionary.</summary>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns>An enumerator that holds the dictionary and the current pair; dispose it.</returns>
    public IEnumerator<KeyValuePair<TKey, TValue>> EnumerateEntries(string operation)
    {
        WeakDictionaryChecks.ThrowIfUnusable(Dictionary, operation);
        return new WeakDictionaryEnumerator<TKey, TValue>(this);
    }

    /// <summary>The keys of the live entries, enumerated lazily through <see cref="EnumerateEntries"/>.</summary>
    /// <param name="operation">The enumeration's operation, for the message.</param>
    /// <returns>The keys.</returns>
    public IEnumerable<TKey> EnumerateKeys(string operation)
    {
        using IEnumerator<KeyValuePair<TKey, TValue>> enumerator = EnumerateEntries(operation);
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current.Key;
        }
    }

    /// <summary>The values of the live entries, enumerated lazily through <see cref="EnumerateEntries"/>.</summary>
    /// <param name="operation">The enumeration's operation, for the message.</param>
    /// <returns>The values.</returns>
    public IEnumerable<TValue> EnumerateValues(string operation)
    {
        using IEnumerator<KeyValuePair<TKey, TValue>> enumerator = EnumerateEntries(operation);
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current.Value;
        }
    }

    /// <summary>
    /// Stores <paramref name="entry"/> under <paramref name="key"/> and unlinks the entry it replaces. Nothing here
    /// can run user code, so nothing changes the map between the look-up and the store.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The new entry, already holding its weak reference.</param>
    /// <param name="countsKeys">Whether the dictionary counts its keys: a key new to the map then gets a reference, if it is a runtime object.</param>
    /// <returns>The replaced entry, unlinked and still to be released; <see langword="null"/> when the key was new.</returns>
    public WeakDictionaryEntry<TKey, TValue>? LinkEntry(TKey key, WeakDictionaryEntry<TKey, TValue> entry, bool countsKeys)
    {
        ref WeakDictionaryEntry<TKey, TValue>? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out bool exists);
        WeakDictionaryEntry<TKey, TValue>? replaced = exists ? slot : null;
        if (replaced is not null)
        {
            // The map keeps the key it already had; the new entry takes over that key (and its count, where the
            // dictionary counts keys).
            entry.Key = replaced.Key;
            replaced.Linked = false;
        }
        else if (countsKeys)
        {
            WeakDictionaryChecks.AddRefIfObject(key);
        }

        slot = entry;
        entry.Linked = true;
        Version++;
        return replaced;
    }

    /// <summary>Releases what an unlinked entry held: its weak reference, the entry itself and, unless handed over, its counted side.</summary>
    /// <param name="entry">The entry, no longer in the map.</param>
    /// <param name="releaseCounted">
    /// <see langword="false"/> when the entry's counted side was handed over to the entry that replaced it (a
    /// WeakValueDictionary's key, which the map keeps).
    /// </param>
    public static void ReleaseEntry(WeakDictionaryEntry<TKey, TValue> entry, bool releaseCounted = true)
    {
        RcObject? counted = entry.TakeCounted();
        WeakRef? reference = entry.Reference;
        entry.Reference = null;
        try
        {
            reference?.Release();
            entry.Release();
        }
        finally
        {
            if (releaseCounted)
            {
                counted?.Release();
            }
        }
    }

    /// <inheritdoc/>
    public void OnEntryDied(WeakDictionaryEntry entry)
    {
        WeakDictionaryEntry<TKey, TValue> dead = (WeakDictionaryEntry<TKey, TValue>)entry;

        // In a WeakKeyDictionary the key is what died. Identity hashing never looks inside the dead key, so the
        // look-up is safe whatever state it is in.
        if (!_entries.TryGetValue(dead.Key, out WeakDictionaryEntry<TKey, TValue>? current) || !ReferenceEquals(current, dead))
        {
            return;
        }

        _entries.Remove(dead.Key);
        dead.Linked = false;
        ReleaseEntry(dead);
    }

    /// <summary>Counts the entries whose weakly held side is alive.</summary>
    /// <returns>The count.</returns>
    private int CountLiveEntries()
    {
        int live = 0;
        foreach (KeyValuePair<TKey, WeakDictionaryEntry<TKey, TValue>> pair in _entries)
        {
            if (pair.Value.IsLive)
            {
                live++;
            }
        }

        return live;
    }

    /// <summary>Visits every counted reference: each entry, its weak reference, and the key or value the dictionary counts.</summary>
    /// <param name="visitor">The collector's visitor.</param>
    public void TraverseEntries(ref Visitor visitor)
    {
        foreach (KeyValuePair<TKey, WeakDictionaryEntry<TKey, TValue>> pair in _entries)
        {
            WeakDictionaryEntry<TKey, TValue> entry = pair.Value;
            visitor.Visit(entry);
            visitor.Visit(entry.Reference);
            visitor.Visit(entry.CountedObject);
        }
    }

    /// <summary>Unlinks every entry, then releases what they held; invalidates enumerations.</summary>
    public void ReleaseAllEntries()
    {
        if (_entries.Count == 0)
        {
            return;
        }

        // Unlink everything first: releasing runs user code, which must find a consistent, empty map and whose
        // deaths must not reach entries that are already on their way out.
        WeakDictionaryEntry<TKey, TValue>[] entries = [.. _entries.Values];
        _entries.Clear();
        Version++;
        foreach (WeakDictionaryEntry<TKey, TValue> entry in entries)
        {
            entry.Linked = false;
        }

        foreach (WeakDictionaryEntry<TKey, TValue> entry in entries)
        {
            ReleaseEntry(entry);
        }
    }
}
