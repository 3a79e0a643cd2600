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
/// The dictionary is a runtime object (see <see cref="WeakDictionaryBase"/>): create it with
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
/// <see cref="WeakDictionaryBase.Count"/> counts live entries only, even inside callbacks and finalizers run by the
/// death of a value, where CPython's <c>len()</c> may still count the dying entry.
/// </para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The runtime type of the values.</typeparam>
public sealed class WeakValueDictionary<TKey, TValue> : WeakDictionaryCore<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
    where TValue : RcObject
{
    /// <summary>Creates an empty dictionary that compares keys with their default equality; adopt it into a runtime before use.</summary>
    public WeakValueDictionary()
        : this(null)
    {
    }

    /// <summary>Creates an empty dictionary that compares keys with <paramref name="comparer"/>; adopt it into a runtime before use.</summary>
    /// <param name="comparer">The key comparer, or <see langword="null"/> for the default one.</param>
    public WeakValueDictionary(IEqualityComparer<TKey>? comparer)
        : base(comparer)
    {
    }

    /// <summary>The key comparer.</summary>
    public IEqualityComparer<TKey> Comparer => Entries.Comparer;

    /// <summary>The keys of the live entries, enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TKey> Keys => EnumerateKeys("WeakValueDictionary.GetEnumerator");

    /// <summary>The live values (borrowed), enumerated lazily like the dictionary itself.</summary>
    public IEnumerable<TValue> Values => EnumerateValues("WeakValueDictionary.GetEnumerator");

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
    public void Clear() => ClearEntries("WeakValueDictionary.Clear");

    /// <summary>
    /// Enumerates the live entries. The enumerator keeps the dictionary and the current key and value alive until it
    /// moves on or is disposed (<c>foreach</c> disposes it).
    /// </summary>
    /// <returns>An enumerator; dispose it.</returns>
    /// <exception cref="ObjectFreedException">The dictionary was freed.</exception>
    /// <exception cref="ObjectClearedException">The dictionary was cleared by the collector.</exception>
    /// <exception cref="RuntimeShutDownException">The runtime was shut down.</exception>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => EnumerateEntries("WeakValueDictionary.GetEnumerator");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description for diagnostics.</summary>
    /// <returns>The type, state and number of entries in the map.</returns>
    public override string ToString() => $"<WeakValueDictionary {State} entries={Entries.Count}>";

    /// <inheritdoc/>
    private protected override void ValidateKey(TKey key, string operation)
    {
        Runtime runtime = ThrowIfUnusable(operation);
        ThrowIfNullKey(key);
        if (key is RcObject keyObject)
        {
            ValidateObject(runtime, keyObject, operation);
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
        Runtime runtime = ThrowIfUnusable(operation);
        ThrowIfNullKey(key);
        ArgumentNullException.ThrowIfNull(value);
        RcObject? keyObject = key as RcObject;
        if (keyObject is not null)
        {
            ValidateObject(runtime, keyObject, operation);
        }

        ValidateObject(runtime, value, operation);
        if (Entries.TryGetValue(key, out WeakDictionaryEntry<TKey, TValue>? existing) && ReferenceEquals(existing.Reference?.Target, value))
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
            entry = runtime.AdoptReference(new WeakValueEntry<TKey, TValue>(this, key));
            reference = runtime.NewWeakRef(value, entry);
            entry.Reference = reference;
            WeakDictionaryEntry<TKey, TValue>? replaced = LinkEntry(key, entry, countsKeys: true);
            entry = null;
            reference = null;
            if (replaced is not null)
            {
                ReleaseEntry(replaced, releaseCounted: false);
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
