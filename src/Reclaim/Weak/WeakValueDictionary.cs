using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Reclaim;

/// <summary>
/// A dictionary whose values are held weakly (<c>weakref.WeakValueDictionary</c>): an entry disappears as soon as
/// its value dies, whether by its count or by the cycle collector. Keys are ordinary .NET keys compared with the
/// dictionary's comparer.
/// </summary>
/// <remarks>
/// <para>
/// The dictionary is a runtime object, as a Python dictionary is in an interpreter: create it with
/// <c>runtime.New&lt;WeakValueDictionary&lt;TKey, TValue&gt;&gt;()</c> or <see cref="Runtime.Adopt{T}(T)"/>, keep it in
/// an <see cref="Owned{T}"/> or an <see cref="RcField{T}"/>. When it dies it releases every weak reference it
/// created. Each entry's weak reference has a small leaf callback that refers to the dictionary with a plain .NET
/// reference, so the entries never lead back to the dictionary: unless something else puts it in a cycle, it dies by
/// its count alone, and its callbacks never run once it is gone.
/// </para>
/// <para>
/// Keys that are runtime objects are held strongly, with a counted reference reported to the collector, as a
/// Python dictionary holds its keys. Values returned by lookups are <em>borrowed</em>: valid until the next
/// release or safe point; take a reference (<see cref="RcObject.AddRef"/>, or <see cref="TryGetOwned"/>) to keep one.
/// </para>
/// <para>
/// A value can die while the dictionary is enumerated: its entry is removed and never reached. Enumerating
/// holds references to the current key and value, so the loop body may drop everything else. Adding or replacing
/// entries, or <see cref="Clear"/>, invalidates running enumerations; <see cref="Remove"/> does not (as for
/// <see cref="Dictionary{TKey, TValue}"/>; CPython raises instead).
/// </para>
/// <para>
/// <see cref="Count"/> counts live entries only, even inside callbacks and finalizers run by the
/// death of a value, where CPython's <c>len()</c> may still count the dying entry.
/// </para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The runtime type of the values.</typeparam>
public sealed class WeakValueDictionary<TKey, TValue> : RcObject, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
    where TValue : RcObject
{
    private readonly WeakEntryMap<TKey, TValue> _map;

    /// <summary>Creates an empty dictionary that compares keys with their default equality; adopt it into a runtime before use.</summary>
    public WeakValueDictionary()
        : this(null)
    {
    }

    /// <summary>Creates an empty dictionary that compares keys with <paramref name="comparer"/>; adopt it into a runtime before use.</summary>
    /// <param name="comparer">The key comparer, or <see langword="null"/> for the default one.</param>
    public WeakValueDictionary(IEqualityComparer<TKey>? comparer)
    {
        _map = new WeakEntryMap<TKey, TValue>(this, comparer);
    }

    /// <summary>The key comparer.</summary>
    public IEqualityComparer<TKey> Comparer => _map.Entries.Comparer;

    /// <summary>
    /// The number of live entries: entries whose weakly held side has died are never counted, even before their
    /// removal callback ran. O(1), except while deaths are being processed (inside finalizers and callbacks) or on
    /// a dictionary that was resurrected from cyclic garbage, when it checks every entry.
    /// </summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The collector cleared the dictionary.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public int Count => _map.CountLive("WeakValueDictionary.Count");

    /// <summary>The keys of the live entries, enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TKey> Keys => _map.EnumerateKeys("WeakValueDictionary.GetEnumerator");

    /// <summary>The live values (borrowed), enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TValue> Values => _map.EnumerateValues("WeakValueDictionary.GetEnumerator");

    /// <summary>
    /// Gets the value for <paramref name="key"/> (borrowed), or maps <paramref name="key"/> to
    /// <paramref name="value"/>, holding <paramref name="value"/> weakly and replacing any previous entry.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The live value, borrowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or the value set is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">Getting: no live entry for <paramref name="key"/> (never set, removed, or its value died).</exception>
    /// <exception cref="WrongRuntimeException">A key or value that is a runtime object belongs to another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary, or a key or value passed in, was freed or is dying.</exception>
    /// <exception cref="ObjectClearedException">The dictionary, or a key or value passed in, was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public TValue this[TKey key]
    {
        get => TryGetValue(key, out TValue? value)
            ? value
            : throw new KeyNotFoundException($"The WeakValueDictionary has no live entry for key '{key}'.");
        set => Set(key, value);
    }

    /// <summary>Looks up the live value for <paramref name="key"/>. The value is borrowed: valid until the next release or safe point.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, borrowed, when found.</param>
    /// <returns>Whether a live entry exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key is a runtime object of another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key (a runtime object) was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key (a runtime object) was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        TryGetLiveValue(key, "WeakValueDictionary.TryGetValue", out value);

    /// <summary>Looks up the live value for <paramref name="key"/> and takes a new reference to it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">A new reference the caller must hand on or release, when found; empty otherwise.</param>
    /// <returns>Whether a live entry exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key is a runtime object of another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key (a runtime object) was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key (a runtime object) was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool TryGetOwned(TKey key, out NewRef<TValue> value)
    {
        if (TryGetLiveValue(key, "WeakValueDictionary.TryGetOwned", out TValue? target))
        {
            target.AddRef();
            value = new NewRef<TValue>(target);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Whether a live entry exists for <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key maps to a value that is still alive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key is a runtime object of another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key (a runtime object) was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key (a runtime object) was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool ContainsKey(TKey key) => ContainsLiveKey(key, "WeakValueDictionary.ContainsKey");

    /// <summary>
    /// Removes the entry for <paramref name="key"/>, releasing its weak reference (and the key, if the dictionary
    /// counted it). Does not invalidate running enumerations.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether a live entry was removed; an entry whose value already died counts as absent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="WrongRuntimeException">The key is a runtime object of another runtime.</exception>
    /// <exception cref="ObjectFreedException">The dictionary or the key (a runtime object) was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary or the key (a runtime object) was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public bool Remove(TKey key) => RemoveEntry(key, "WeakValueDictionary.Remove");

    /// <summary>
    /// Removes every entry, releasing their weak references (and counted keys). The dictionary stays usable;
    /// running enumerations are invalidated.
    /// </summary>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public void Clear() => _map.ClearEntries("WeakValueDictionary.Clear");

    /// <summary>
    /// Enumerates the live entries. The enumerator keeps the dictionary and the current key and value alive until it
    /// moves on or is disposed (<c>foreach</c> disposes it).
    /// </summary>
    /// <returns>An enumerator; dispose it.</returns>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _map.EnumerateEntries("WeakValueDictionary.GetEnumerator");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The type, state and number of entries in the map.</returns>
    public override string ToString() => $"<WeakValueDictionary {State} entries={_map.Entries.Count}>";

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
        ThrowIfNullKey(key);
        if (key is RcObject keyObject)
        {
            WeakDictionaryChecks.ValidateObject(runtime, keyObject, operation);
        }
    }

    // Not ArgumentNullException.ThrowIfNull: that takes object and would box value-type keys on every look-up.
    private static void ThrowIfNullKey(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }

    private void Set(TKey key, TValue value)
    {
        const string operation = "WeakValueDictionary.Set";
        Runtime runtime = WeakDictionaryChecks.ThrowIfUnusable(this, operation);
        ThrowIfNullKey(key);
        ArgumentNullException.ThrowIfNull(value);
        RcObject? keyObject = key as RcObject;
        if (keyObject is not null)
        {
            WeakDictionaryChecks.ValidateObject(runtime, keyObject, operation);
        }

        WeakDictionaryChecks.ValidateObject(runtime, value, operation);
        if (_map.Entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? existing) && ReferenceEquals(existing.Reference?.Target, value))
        {
            return;
        }

        // Creating the entry and its weak reference allocates, and allocation is a safe point where a collection
        // may run user code that changes this very dictionary. So: hold what the caller lent us, allocate, and
        // only then look at the map, with nothing that can run code between the look-up and the store.
        keyObject?.AddRef();
        value.AddRef();
        WeakValueEntry<TKey, TValue>? entry = null;
        WeakRef? reference = null;
        try
        {
            entry = runtime.AdoptReference(new WeakValueEntry<TKey, TValue>(_map, key));
            reference = runtime.NewWeakRef(value, entry);
            entry.Reference = reference;
            WeakDictionaryEntry<TKey, TValue>? replaced = _map.LinkEntry(key, entry, countsKeys: true);
            entry = null;
            reference = null;
            if (replaced is not null)
            {
                WeakEntryMap<TKey, TValue>.ReleaseEntry(replaced, releaseCounted: false);
            }
        }
        finally
        {
            reference?.Release();
            entry?.Release();
            value.Release();
            keyObject?.Release();
        }
    }
}
