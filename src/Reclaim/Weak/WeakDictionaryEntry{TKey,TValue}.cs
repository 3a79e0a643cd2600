namespace Reclaim;

/// <summary>An entry that can report its key and value while its weakly held side is alive.</summary>
/// <typeparam name="TKey">The dictionary's key type.</typeparam>
/// <typeparam name="TValue">The dictionary's value type.</typeparam>
internal abstract class WeakDictionaryEntry<TKey, TValue> : WeakDictionaryEntry
    where TKey : notnull
{
    private protected WeakDictionaryEntry(IWeakEntryOwner owner, TKey key)
        : base(owner)
    {
        Key = key;
    }

    /// <summary>The key as stored in the map.</summary>
    internal TKey Key { get; set; }

    /// <summary>The value, if the weakly held side is alive; borrowed.</summary>
    /// <param name="value">The value when alive.</param>
    /// <returns>Whether the entry is live.</returns>
    internal abstract bool TryGetLiveValue(out TValue value);

    /// <summary>
    /// The strongly held side when it is a runtime object, else <see langword="null"/>: while the entry is linked,
    /// the dictionary owns one reference to it and reports it to the collector.
    /// </summary>
    internal abstract RcObject? CountedObject { get; }

    /// <summary>Hands over <see cref="CountedObject"/> for releasing, once the entry is unlinked.</summary>
    /// <returns>The counted object, whose reference the caller now owns, or <see langword="null"/>.</returns>
    internal abstract RcObject? TakeCounted();
}
