namespace Reclaim;

/// <summary>An entry of a <see cref="WeakKeyDictionary{TKey, TValue}"/>: the key through <see cref="WeakDictionaryEntry.Reference"/>, the value strongly.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class WeakKeyEntry<TKey, TValue> : WeakDictionaryEntry<TKey, TValue>
    where TKey : RcObject
{
    internal WeakKeyEntry(IWeakEntryOwner owner, TKey key, TValue value)
        : base(owner, key)
    {
        Value = value;
    }

    /// <summary>The value; when it is a runtime object the dictionary owns one reference to it.</summary>
    internal TValue Value { get; set; }

    /// <inheritdoc/>
    internal override bool TryGetLiveValue(out TValue value)
    {
        value = Value;
        return IsLive;
    }

    /// <inheritdoc/>
    internal override RcObject? CountedObject => Value as RcObject;

    /// <inheritdoc/>
    /// <remarks>Also clears <see cref="Value"/>.</remarks>
    internal override RcObject? TakeCounted()
    {
        RcObject? counted = CountedObject;
        Value = default!;
        return counted;
    }
}
