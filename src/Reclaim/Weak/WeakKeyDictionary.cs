using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Reclaim;

/// <summary>
/// A dictionary whose keys are runtime objects held weakly (<c>weakref.WeakKeyDictionary</c>), compared by identity:
/// an entry disappears as soon as its key dies, whether by its count or by the cycle collector. Values are any
/// .NET values.
/// </summary>
/// <remarks>
/// <para>
/// The dictionary is a runtime object (see <see cref="WeakDictionaryBase"/>): create it with
/// <c>runtime.New&lt;WeakKeyDictionary&lt;TKey, TValue&gt;&gt;()</c>, keep it in an <see cref="Owned{T}"/> or an
/// <see cref="RcField{T}"/>. When it dies it releases every weak reference it created and every value it counted.
/// Each entry's weak reference has a small leaf callback that refers to the dictionary with a plain .NET reference,
/// so the dictionary is never part of a cycle through its own entries.
/// </para>
/// <para>
/// Values that are runtime objects are held strongly, with a counted reference reported to the collector, as a
/// Python dictionary holds its values. As in Python, a value that refers (directly or not) to its own key keeps
/// that key, and so the entry, alive for as long as the dictionary lives. Values and keys returned by lookups and
/// enumeration are borrowed: valid until the next release or safe point.
/// </para>
/// <para>
/// A key can die while the dictionary is enumerated: its entry is removed and never reached. Enumerating holds
/// references to the current key and value, so the loop body may drop everything else. Adding or replacing
/// entries, or <see cref="Clear"/>, invalidates running enumerations; <see cref="Remove"/> does not (as for
/// <see cref="Dictionary{TKey, TValue}"/>; CPython raises instead).
/// </para>
/// </remarks>
/// <typeparam name="TKey">The runtime type of the keys.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class WeakKeyDictionary<TKey, TValue> : WeakDictionaryBase, IReadOnlyDictionary<TKey, TValue>
    where TKey : RcObject
{
    private readonly Dictionary<TKey, WeakKeyEntry<TKey, TValue>> _entries = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates an empty dictionary; adopt it into a runtime before use.</summary>
    public WeakKeyDictionary()
    {
    }

    /// <summary>The keys of the live entries (borrowed), enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TKey> Keys => EnumerateKeys();

    /// <summary>The values of the live entries, enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TValue> Values => EnumerateValues();

    /// <inheritdoc/>
    private protected override int EntryCount => _entries.Count;

    /// <summary>
    /// Gets the value for <paramref name="key"/>, or maps <paramref name="key"/> (held weakly) to
    /// <paramref name="value"/>, replacing any previous value.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The value (borrowed, if it is a runtime object).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">Getting: no entry for <paramref name="key"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key, or a value that is a runtime object, belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary, the key, or a value that is a runtime object was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The dictionary, the key, or a value that is a runtime object was cleared by the collector.</exception>
    /// <exception cref="RuntimeFinalizedException">The runtime was shut down.</exception>
    public TValue this[TKey key]
    {
        get => TryGetValue(key, out TValue? value)
            ? value
            : throw new KeyNotFoundException($"The WeakKeyDictionary has no entry for key {key}.");
        set => Set(key, value);
    }

    /// <summary>Looks up the value for <paramref name="key"/>; a value that is a runtime object is borrowed.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether an entry exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key was cleared by the collector.</exception>
    /// <exception cref="RuntimeFinalizedException">The runtime was shut down.</exception>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ValidateKey(key, "WeakKeyDictionary.TryGetValue");
        if (_entries.TryGetValue(key, out WeakKeyEntry<TKey, TValue>? entry) && entry.TryGetLiveValue(out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether an entry exists for <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key is mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key was cleared by the collector.</exception>
    /// <exception cref="RuntimeFinalizedException">The runtime was shut down.</exception>
    public bool ContainsKey(TKey key)
    {
        ValidateKey(key, "WeakKeyDictionary.ContainsKey");
        return _entries.TryGetValue(key, out WeakKeyEntry<TKey, TValue>? entry) && entry.IsLive;
    }

    /// <summary>
    /// Removes the entry for <paramref name="key"/>, releasing its weak reference and (if the dictionary counted it)
    /// its value. Does not invalidate running enumerations.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether an entry was removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key was cleared by the collector.</exception>
    /// <exception cref="RuntimeFinalizedException">The runtime was shut down.</exception>
    public bool Remove(TKey key)
    {
        ValidateKey(key, "WeakKeyDictionary.Remove");
        if (!_entries.Remove(key, out WeakKeyEntry<TKey, TValue>? entry))
        {
            return false;
        }

        bool live = entry.IsLive;
        entry.Linked = false;
        ReleaseEntry(entry);
        return live;
    }

    /// <summary>
    /// Removes every entry, releasing their weak references and counted values. The dictionary stays usable;
    /// running enumerations are invalidated.
    /// </summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeFinalizedException">The runtime was shut down.</exception>
    public new void Clear()
    {
        ThrowIfUnusable("WeakKeyDictionary.Clear");
        ReleaseAllEntries();
    }

    /// <summary>
    /// Enumerates the live entries. The enumerator keeps the dictionary and the current key and value alive until it
    /// moves on or is disposed (<c>foreach</c> disposes it).
    /// </summary>
    /// <returns>An enumerator; dispose it.</returns>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeFinalizedException">The runtime was shut down.</exception>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        ThrowIfUnusable("WeakKeyDictionary.GetEnumerator");
        return new WeakDictionaryEnumerator<TKey, TValue, WeakKeyEntry<TKey, TValue>>(this, _entries);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The type, state and number of entries in the map.</returns>
    public override string ToString() => $"<WeakKeyDictionary {State} entries={_entries.Count}>";

    /// <inheritdoc/>
    internal override void OnEntryDied(WeakDictionaryEntry entry)
    {
        WeakKeyEntry<TKey, TValue> dead = (WeakKeyEntry<TKey, TValue>)entry;

        // Identity hashing never looks inside the dead key, so the look-up is safe whatever state it is in.
        if (!_entries.TryGetValue(dead.Key, out WeakKeyEntry<TKey, TValue>? current) || !ReferenceEquals(current, dead))
        {
            return;
        }

        _entries.Remove(dead.Key);
        dead.Linked = false;
        ReleaseEntry(dead);
    }

    /// <inheritdoc/>
    private protected override int CountLiveEntries()
    {
        int live = 0;
        foreach (KeyValuePair<TKey, WeakKeyEntry<TKey, TValue>> pair in _entries)
        {
            if (pair.Value.IsLive)
            {
                live++;
            }
        }

        return live;
    }

    /// <inheritdoc/>
    private protected override void TraverseEntries(ref Visitor visitor)
    {
        foreach (KeyValuePair<TKey, WeakKeyEntry<TKey, TValue>> pair in _entries)
        {
            WeakKeyEntry<TKey, TValue> entry = pair.Value;
            visitor.Visit(entry);
            visitor.Visit(entry.Reference);
            if (entry.Value is RcObject value)
            {
                visitor.Visit(value);
            }
        }
    }

    /// <inheritdoc/>
    private protected override void ReleaseAllEntries()
    {
        if (_entries.Count == 0)
        {
            return;
        }

        // Unlink everything first: releasing runs user code, which must find a consistent, empty map and whose
        // deaths must not reach entries that are already on their way out.
        WeakKeyEntry<TKey, TValue>[] entries = [.. _entries.Values];
        _entries.Clear();
        _version++;
        foreach (WeakKeyEntry<TKey, TValue> entry in entries)
        {
            entry.Linked = false;
        }

        foreach (WeakKeyEntry<TKey, TValue> entry in entries)
        {
            ReleaseEntry(entry);
        }
    }

    private void Set(TKey key, TValue value)
    {
        const string operation = "WeakKeyDictionary.Set";
        Runtime runtime = ThrowIfUnusable(operation);
        ArgumentNullException.ThrowIfNull(key);
        ValidateObject(runtime, key, operation);
        if (value is RcObject valueObject)
        {
            ValidateObject(runtime, valueObject, operation);
        }

        if (_entries.TryGetValue(key, out WeakKeyEntry<TKey, TValue>? existing) && existing.IsLive)
        {
            // Same key object, still alive: swap the value in place; nothing is allocated.
            AddRefIfObject(value);
            TValue previous = existing.Value;
            existing.Value = value;
            _version++;
            ReleaseIfObject(previous);
            return;
        }

        // Creating the entry and its weak reference allocates, and allocation is a safe point where a collection
        // may run user code that changes this very dictionary. So: hold the key the caller lent us, allocate, and
        // only then look at the map, with nothing that can run code between the look-up and the store.
        key.AddRef();
        AddRefIfObject(value);
        WeakKeyEntry<TKey, TValue>? entry = null;
        bool valueOwnedByEntry = false;
        WeakRef? reference = null;
        try
        {
            entry = runtime.AdoptReference(new WeakKeyEntry<TKey, TValue>(this, key, value));
            valueOwnedByEntry = true;
            reference = runtime.NewWeakRef(key, entry);
            entry.Reference = reference;

            ref WeakKeyEntry<TKey, TValue>? slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out bool exists);
            WeakKeyEntry<TKey, TValue>? replaced = exists ? slot : null;
            replaced?.Linked = false;
            slot = entry;
            entry.Linked = true;
            _version++;
            entry = null;
            reference = null;
            if (replaced is not null)
            {
                ReleaseEntry(replaced);
            }
        }
        finally
        {
            if (entry is not null)
            {
                // Failed before the store: the entry's value count goes back with it.
                reference?.Release();
                entry.Release();
            }

            if (entry is not null || !valueOwnedByEntry)
            {
                ReleaseIfObject(value);
            }

            key.Release();
        }
    }

    /// <summary>Releases what an unlinked entry held: its weak reference, the entry itself and its counted value.</summary>
    private static void ReleaseEntry(WeakKeyEntry<TKey, TValue> entry)
    {
        TValue value = entry.Value;
        WeakRef? reference = entry.Reference;
        entry.Reference = null;
        entry.Value = default!;
        try
        {
            reference?.Release();
            entry.Release();
        }
        finally
        {
            ReleaseIfObject(value);
        }
    }

    private void ValidateKey(TKey key, string operation)
    {
        Runtime runtime = ThrowIfUnusable(operation);
        ArgumentNullException.ThrowIfNull(key);
        ValidateObject(runtime, key, operation);
    }

    private IEnumerable<TKey> EnumerateKeys()
    {
        foreach (KeyValuePair<TKey, TValue> pair in this)
        {
            yield return pair.Key;
        }
    }

    private IEnumerable<TValue> EnumerateValues()
    {
        foreach (KeyValuePair<TKey, TValue> pair in this)
        {
            yield return pair.Value;
        }
    }
}
