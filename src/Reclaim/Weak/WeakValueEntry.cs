namespace Reclaim;

/// <summary>An entry of a <see cref="WeakValueDictionary{TKey, TValue}"/>: the key strongly, the value through <see cref="WeakDictionaryEntry.Reference"/>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WeakValueEntry<TKey, TValue> : WeakDictionaryEntry<TKey, TValue>
    where TKey : notnull
    where TValue : RcObject
{
    internal WeakValueEntry(IWeakEntryOwner owner, TKey key)
        : base(owner, key)
    {
    }

    /// <inheritdoc/>
    internal override bool TryGetLiveValue(out TValue value)
    {
        if (Reference?.Target is TValue target)
        {
            value = target;
            return true;
        }

        value = null!;
        return false;
    }

    /// <inheritdoc/>
    internal override RcObject? CountedObject => Key as RcObject;

    /// <inheritdoc/>
    /// <remarks>The entry keeps <see cref="WeakDictionaryEntry{TKey, TValue}.Key"/>; only its count is handed over.</remarks>
    internal override RcObject? TakeCounted() => CountedObject;
}
