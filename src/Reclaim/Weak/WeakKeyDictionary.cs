using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Reclaim;

/// <summary>
/// A dictionary whose keys are runtime objects held weakly (<c>weakref.WeakKeyDictionary</c>), compared by identity:
/// an entry disappears as soon as its key dies, whether by its count or by the cycle collector. Values are any
/// .NET values.
/// </summary>
/// <remarks>
/// <para>
/// The dictionary is a runtime object, as a Python dictionary is in an interpreter: create it with
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
public sealed class WeakKeyDictionary<TKey, TValue> : RcObject, IReadOnlyDictionary<TKey, TValue>
    where TKey : RcObject
{
    private readonly WeakEntryMap<TKey, TValue> _map;

    /// <summary>Creates an empty dictionary; adopt it into a runtime before use.</summary>
    public WeakKeyDictionary()
    {
        _map = new WeakEntryMap<TKey, TValue>(this, ReferenceEqualityComparer.Instance);
    }

    /// <summary>
    /// The number of live entries: entries whose weakly held side has died are never counted, even before their
    /// removal callback ran. O(1), except while deaths are being processed (inside finalizers and callbacks) or on
    /// a dictionary that was resurrected from cyclic garbage, when it checks every entry.
    /// </summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public int Count => _map.CountLive("WeakKeyDictionary.Count");

    /// <summary>The keys of the live entries (borrowed), enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TKey> Keys => _map.EnumerateKeys("WeakKeyDictionary.GetEnumerator");

    /// <summary>The values of the live entries, enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TValue> Values => _map.EnumerateValues("WeakKeyDictionary.GetEnumerator");

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
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
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
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        TryGetLiveValue(key, "WeakKeyDictionary.TryGetValue", out value);

    /// <summary>Whether an entry exists for <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key is mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool ContainsKey(TKey key) => ContainsLiveKey(key, "WeakKeyDictionary.ContainsKey");

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
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool Remove(TKey key) => RemoveEntry(key, "WeakKeyDictionary.Remove");

    /// <summary>
    /// Removes every entry, releasing their weak references and counted values. The dictionary stays usable;
    /// running enumerations are invalidated.
    /// </summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Clear() => _map.ClearEntries("WeakKeyDictionary.Clear");

    /// <summary>
    /// Enumerates the live entries. The enumerator keeps the dictionary and the current key and value alive until it
    /// moves on or is disposed (<c>foreach</c> disposes it).
    /// </summary>
    /// <returns>An enumerator; dispose it.</returns>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _map.EnumerateEntries("WeakKeyDictionary.GetEnumerator");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The type, state and number of entries in the map.</returns>
    public override string ToString() => $"<WeakKeyDictionary {State} entries={_map.Entries.Count}>";

    /// <summary>Reports the entries, their weak references and every key or value the dictionary counts.</summary>
    /// <param name="visitor">The collector's visitor.</param>
    protected internal override void TraverseReferences(ref Visitor visitor) => _map.TraverseEntries(ref visitor);

    /// <summary>Drops every entry and every reference the dictionary holds (runtime hook; <see cref="Clear"/> is the public operation).</summary>
    protected internal override void ClearReferences() => _map.ReleaseAllEntries();

    private bool TryGetLiveValue(TKey key, string operation, [MaybeNullWhen(false)] out TValue value)
    {
        ValidateKey(key, operation);
        return _map.TryGetLiveValue(key, out value);
    }

    private bool ContainsLiveKey(TKey key, string operation)
    {
        ValidateKey(key, operation);
        return _map.ContainsLiveKey(key);
    }

    private bool RemoveEntry(TKey key, string operation)
    {
        ValidateKey(key, operation);
        return _map.RemoveEntry(key);
    }

    /// <summary>Validates the dictionary and <paramref name="key"/>, as every look-up does.</summary>
    /// <param name="key">The key passed in.</param>
    /// <param name="operation">The operation, for the message.</param>
    private void ValidateKey(TKey key, string operation)
    {
        Runtime runtime = WeakDictionaryChecks.ThrowIfUnusable(this, operation);
        ArgumentNullException.ThrowIfNull(key);
        WeakDictionaryChecks.ValidateObject(runtime, key, operation);
    }

    private void Set(TKey key, TValue value)
    {
        const string operation = "WeakKeyDictionary.Set";
        Runtime runtime = WeakDictionaryChecks.ThrowIfUnusable(this, operation);
        ArgumentNullException.ThrowIfNull(key);
        WeakDictionaryChecks.ValidateObject(runtime, key, operation);
        if (value is RcObject valueObject)
        {
            WeakDictionaryChecks.ValidateObject(runtime, valueObject, operation);
        }

        if (_map.Entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? found) && found.IsLive)
        {
            // Same key object, still alive: swap the value in place; nothing is allocated.
            WeakKeyEntry<TKey, TValue> existing = (WeakKeyEntry<TKey, TValue>)found;
            WeakDictionaryChecks.AddRefIfObject(value);
            TValue previous = existing.Value;
            existing.Value = value;
            _map.Version++;
            WeakDictionaryChecks.ReleaseIfObject(previous);
            return;
        }

        // Creating the entry and its weak reference allocates, and allocation is a safe point where a collection
        // may run user code that changes this very dictionary. So: hold the key the caller lent us, allocate, and
        // only then look at the map, with nothing that can run code between the look-up and the store.
        key.AddRef();
        WeakDictionaryChecks.AddRefIfObject(value);
        WeakKeyEntry<TKey, TValue>? entry = null;
        bool valueOwnedByEntry = false;
        WeakRef? reference = null;
        try
        {
            entry = runtime.AdoptReference(new WeakKeyEntry<TKey, TValue>(_map, key, value));
            valueOwnedByEntry = true;
            reference = runtime.NewWeakRef(key, entry);
            entry.Reference = reference;
            WeakDictionaryEntry<TKey, TValue>? replaced = _map.LinkEntry(key, entry, countsKeys: false);
            entry = null;
            reference = null;
            if (replaced is not null)
            {
                WeakEntryMap<TKey, TValue>.ReleaseEntry(replaced);
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
                WeakDictionaryChecks.ReleaseIfObject(value);
            }

            key.Release();
        }
    }
}
