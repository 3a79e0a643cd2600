using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Reclaim;

/// <summary>
/// The map the weak dictionaries (<see cref="WeakValueDictionary{TKey, TValue}"/>,
/// <see cref="WeakKeyDictionary{TKey, TValue}"/>) share: look-ups, removal, clearing, enumeration, and the
/// runtime hooks over their entries. What differs (which side is held weakly, what is validated, how entries are
/// created) stays in each dictionary.
/// </summary>
/// <remarks>The class cannot be derived from outside Reclaim; see <see cref="WeakDictionaryBase"/>.</remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class WeakDictionaryCore<TKey, TValue> : WeakDictionaryBase
    where TKey : notnull
{
    private readonly Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>> _entries;

    /// <summary>Creates an empty map.</summary>
    /// <param name="comparer">The key comparer, or <see langword="null"/> for the default one.</param>
    private protected WeakDictionaryCore(IEqualityComparer<TKey>? comparer)
    {
        _entries = new Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>>(comparer);
    }

    /// <summary>The map, live entries and dead ones not yet removed.</summary>
    private protected Dictionary<TKey, WeakDictionaryEntry<TKey, TValue>> Entries => _entries;

    /// <inheritdoc/>
    private protected sealed override int EntryCount => _entries.Count;

    /// <summary>Looks up the value of the live entry for <paramref name="key"/>, after validating.</summary>
    /// <param name="key">The key.</param>
    /// <param name="operation">The operation, for the message.</param>
    /// <param name="value">The value, borrowed, when found.</param>
    /// <returns>Whether a live entry exists.</returns>
    private protected bool TryGetLiveValue(TKey key, string operation, [MaybeNullWhen(false)] out TValue value)
    {
        ValidateKey(key, operation);
        if (_entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? entry) && entry.TryGetLiveValue(out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether a live entry exists for <paramref name="key"/>, after validating.</summary>
    /// <param name="key">The key.</param>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns><see langword="true"/> when the key maps to an entry whose weakly held side is alive.</returns>
    private protected bool ContainsLiveKey(TKey key, string operation)
    {
        ValidateKey(key, operation);
        return _entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? entry) && entry.IsLive;
    }

    /// <summary>Removes and releases the entry for <paramref name="key"/>, after validating; does not invalidate enumerations.</summary>
    /// <param name="key">The key.</param>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns>Whether a live entry was removed.</returns>
    private protected bool RemoveEntry(TKey key, string operation)
    {
        ValidateKey(key, operation);
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
    private protected void ClearEntries(string operation)
    {
        ThrowIfUnusable(operation);
        ReleaseAllEntries();
    }

    /// <summary>Starts enumerating the live entries, after validating the dictionary.</summary>
    /// <param name="operation">The operation, for the message.</param>
    /// <returns>An enumerator that holds the dictionary and the current pair; dispose it.</returns>
    private protected IEnumerator<KeyValuePair<TKey, TValue>> EnumerateEntries(string operation)
    {
        ThrowIfUnusable(operation);
        return new WeakDictionaryEnumerator<TKey, TValue>(this, _entries);
    }

    /// <summary>The keys of the live entries, enumerated lazily through <see cref="EnumerateEntries"/>.</summary>
    /// <param name="operation">The enumeration's operation, for the message.</param>
    /// <returns>The keys.</returns>
    private protected IEnumerable<TKey> EnumerateKeys(string operation)
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
    private protected IEnumerable<TValue> EnumerateValues(string operation)
    {
        using IEnumerator<KeyValuePair<TKey, TValue>> enumerator = EnumerateEntries(operation);
        while (enumerator.MoveNext())
        {
            yield return enumerator.Current.Value;
        }
    }

    /// <summary>Validates the dictionary and <paramref name="key"/>, as every look-up does.</summary>
    /// <param name="key">The key passed in.</param>
    /// <param name="operation">The operation, for the message.</param>
    private protected abstract void ValidateKey(TKey key, string operation);

    /// <summary>
    /// Stores <paramref name="entry"/> under <paramref name="key"/> and unlinks the entry it replaces. Nothing here
    /// can run user code, so nothing changes the map between the look-up and the store.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="entry">The new entry, already holding its weak reference.</param>
    /// <param name="countsKeys">Whether the dictionary counts its keys: a key new to the map then gets a reference, if it is a runtime object.</param>
    /// <returns>The replaced entry, unlinked and still to be released; <see langword="null"/> when the key was new.</returns>
    private protected WeakDictionaryEntry<TKey, TValue>? LinkEntry(TKey key, WeakDictionaryEntry<TKey, TValue> entry, bool countsKeys)
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
            AddRefIfObject(key);
        }

        slot = entry;
        entry.Linked = true;
        _version++;
        return replaced;
    }

    /// <summary>Releases what an unlinked entry held: its weak reference, the entry itself and, unless handed over, its counted side.</summary>
    /// <param name="entry">The entry, no longer in the map.</param>
    /// <param name="releaseCounted">
    /// <see langword="false"/> when the entry's counted side was handed over to the entry that replaced it (a
    /// WeakValueDictionary's key, which the map keeps).
    /// </param>
    private protected static void ReleaseEntry(WeakDictionaryEntry<TKey, TValue> entry, bool releaseCounted = true)
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
    internal sealed override void OnEntryDied(WeakDictionaryEntry entry)
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

    /// <inheritdoc/>
    private protected sealed override int CountLiveEntries()
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

    /// <inheritdoc/>
    private protected sealed override void TraverseEntries(ref Visitor visitor)
    {
        foreach (KeyValuePair<TKey, WeakDictionaryEntry<TKey, TValue>> pair in _entries)
        {
            WeakDictionaryEntry<TKey, TValue> entry = pair.Value;
            visitor.Visit(entry);
            visitor.Visit(entry.Reference);
            visitor.Visit(entry.CountedObject);
        }
    }

    /// <inheritdoc/>
    private protected sealed override void ReleaseAllEntries()
    {
        if (_entries.Count == 0)
        {
            return;
        }

        // Unlink everything first: releasing runs user code, which must find a consistent, empty map and whose
        // deaths must not reach entries that are already on their way out.
        WeakDictionaryEntry<TKey, TValue>[] entries = [.. _entries.Values];
        _entries.Clear();
        _version++;
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
